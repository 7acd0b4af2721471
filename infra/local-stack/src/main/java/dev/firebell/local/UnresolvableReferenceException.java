package dev.firebell.local;

/**
 * A template value cannot be evaluated locally: it refers to a resource the emulator does not create (a KMS key, a
 * Lambda alias), to something the template does not define, or uses an intrinsic the local resolver does not know.
 */
public class UnresolvableReferenceException extends RuntimeException {

    public UnresolvableReferenceException(String message) {
        super(message);
    }

    public UnresolvableReferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
