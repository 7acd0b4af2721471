package dev.firebell.paging;

/** Port: delivers one rendered page; returns the transport's message id. */
public interface Pager {
    String publish(PageMessage message);
}
