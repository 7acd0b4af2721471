package dev.firebell.local;

/** The emulator refused to create a template resource, or the resource's definition cannot be turned into a request. */
public class ProvisioningException extends RuntimeException {

    public ProvisioningException(String message) {
        super(message);
    }

    public ProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
