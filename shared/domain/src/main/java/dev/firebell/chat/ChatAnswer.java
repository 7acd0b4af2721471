package dev.firebell.chat;

/** What to answer within Slack's 3 seconds, and whether work remains to be finished after it. */
public sealed interface ChatAnswer {

    ChatReply reply();

    /** The command is done; this is its answer. */
    record Now(ChatReply reply) implements ChatAnswer {
    }

    /**
     * The command was checked and accepted; {@code reply} says it is under way. The transport runs
     * {@link ChatService#complete} with the same request later and posts its answer to the response URL.
     */
    record Later(ChatReply reply) implements ChatAnswer {
    }
}
