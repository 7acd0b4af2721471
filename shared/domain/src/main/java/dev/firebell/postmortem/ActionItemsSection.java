package dev.firebell.postmortem;

/** Action items: an empty table for the team, with what its columns mean. */
final class ActionItemsSection {

    private ActionItemsSection() {
    }

    static void write(StringBuilder md) {
        md.append("## Action items\n\n");
        md.append("Type: prevent (stop it recurring), mitigate (make it smaller or shorter) or detect (find it sooner)."
                + " Priority: P1 (before the next on-call shift) to P3 (this quarter). Every item has an owner and a"
                + " ticket.\n\n");
        md.append("| Action | Type | Owner | Priority | Ticket |\n| --- | --- | --- | --- | --- |\n|  |  |  |  |  |\n\n");
    }
}
