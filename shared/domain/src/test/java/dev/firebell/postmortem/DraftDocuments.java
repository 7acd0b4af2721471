package dev.firebell.postmortem;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/** A draft parsed as GitHub parses it (CommonMark and GFM tables), and what tests want to know about it. */
final class DraftDocuments {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

    /** The sections every draft has, in order (H2, or H3 under Lessons learned). */
    static final List<String> SECTIONS = List.of(
            "2 Summary", "2 Impact", "2 Detection", "2 Response", "2 Timeline", "3 Milestones",
            "2 Root causes and trigger", "2 Contributing factors", "2 Resolution and mitigation", "2 Lessons learned",
            "3 What went well", "3 What went wrong", "3 Where we got lucky", "2 Action items", "2 Supporting information");

    private DraftDocuments() {
    }

    static Node parse(String markdown) {
        return PARSER.parse(markdown);
    }

    /** Headings as "level text". */
    static List<String> headings(Node document) {
        List<String> out = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                out.add(heading.getLevel() + " " + textOf(heading));
            }
        });
        return out;
    }

    static List<String> expectedHeadings(String title, boolean review) {
        List<String> out = new ArrayList<>();
        out.add("1 " + title);
        if (review) {
            out.add("2 Blameless review");
        }
        out.addAll(SECTIONS);
        return out;
    }

    /** Raw HTML the renderer would pass through, which a draft must never contain. */
    static int html(Node document) {
        int[] count = {0};
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline html) {
                count[0]++;
            }

            @Override
            public void visit(HtmlBlock html) {
                count[0]++;
            }
        });
        return count[0];
    }

    /** Link and image destinations. */
    static List<String> destinations(Node document) {
        List<String> out = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                out.add(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                out.add("image:" + image.getDestination());
            }
        });
        return out;
    }

    static String textOf(Node node) {
        StringBuilder b = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                b.append(text.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.Code code) {
                b.append(code.getLiteral());
            }
        });
        return b.toString();
    }

    /**
     * Table rows whose cell count differs from their header's: GFM would silently drop or pad cells, which means a
     * pipe in some text was not escaped.
     */
    static List<String> raggedTableRows(String markdown) {
        List<String> problems = new ArrayList<>();
        int header = -1;
        for (String line : markdown.split("\n")) {
            if (!line.startsWith("|")) {
                header = -1;
                continue;
            }
            int cells = unescapedPipes(line) - 1;
            if (header < 0) {
                header = cells;
            } else if (cells != header) {
                problems.add(cells + " cells, header has " + header + ": " + line);
            }
        }
        return problems;
    }

    private static int unescapedPipes(String line) {
        int pipes = 0;
        int backslashes = 0;
        for (char c : line.toCharArray()) {
            if (c == '|' && backslashes % 2 == 0) {
                pipes++;
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }
        return pipes;
    }

    static final Set<String> CONSOLE_HOSTS = Set.of("https://eu-west-1.console.aws.amazon.com/");
}
