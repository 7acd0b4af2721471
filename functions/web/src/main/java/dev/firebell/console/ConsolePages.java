package dev.firebell.console;

import dev.firebell.web.HttpResponse;

/**
 * One area of the console (incidents, on call, schedules, people, postmortems, reports): the pages under some paths of
 * {@code /console/}. Each area is bound into a set ({@code @Provides @IntoSet}) and {@link Console} asks each in turn
 * whether it handles a path. Pages get a signed-in viewer and, for a POST, a form whose CSRF token was checked; they
 * build their answer with {@link ConsoleLayout}.
 */
public interface ConsolePages {

    /** Whether this area answers {@code path} (which starts with {@code /console}). */
    boolean handles(String path);

    /** The answer for a GET, HEAD or POST to a path this area handles. */
    HttpResponse handle(ConsoleRequest request);
}
