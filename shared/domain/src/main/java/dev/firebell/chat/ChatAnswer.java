package dev.firebell.chat;

/** What to answer within Slack's 3 seconds, and whether work remains to be finished after it. */
public sealed interface ChatAnswer {

    ChatResult result();

    /** The command is done (or refused); this is its result. */
    record Now(ChatResult result) implements ChatAnswer {
    }

    /**
     * The command was checked and accepted; {@code result} says it is under way. The transport runs
     * {@link ChatService#complete} with the same request later and posts what it renders to the response URL.
     */
    record Later(ChatResult.Accepted result) implements ChatAnswer {
    }
}
