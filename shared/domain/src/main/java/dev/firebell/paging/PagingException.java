package dev.firebell.paging;

/** The transport refused or failed to take a page; the page stays pending and is re-driven. */
public class PagingException extends RuntimeException {
    public PagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
