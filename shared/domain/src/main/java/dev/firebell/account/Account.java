package dev.firebell.account;

import java.util.Objects;

/**
 * An AWS account the configuration names ({@code accounts:}): its 12-digit id and the name people know it by, which
 * routing rules may match ({@code accountName}) and pages, chat, timelines and postmortems show.
 */
public record Account(String id, String name) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
