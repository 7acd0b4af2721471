package dev.firebell.answer;

/** Port: sends one SMS (a confirmation of a reply) from one of the account's numbers. */
public interface SmsSender {

    /**
     * @param from the number the reply was sent to (E.164), so the answer comes from where the person replied
     * @return the transport's message id
     */
    String send(String from, String to, String text);
}
