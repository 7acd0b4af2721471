package dev.firebell.local;

/** template.yaml cannot be found, read, or does not have the shape CloudFormation/SAM requires. */
public class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
