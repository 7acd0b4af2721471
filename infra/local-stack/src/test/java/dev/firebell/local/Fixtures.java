package dev.firebell.local;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Templates under src/test/resources/templates, and the project's real template.yaml. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path path(String name) {
        URL url = Fixtures.class.getResource("/templates/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test template " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SamTemplate template(String name) {
        return SamTemplate.load(path(name));
    }

    /** The repository's template.yaml, found the way the extension finds it. */
    public static SamTemplate realTemplate() {
        return SamTemplate.load(SamTemplate.locate());
    }
}
