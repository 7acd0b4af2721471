package dev.firebell.console.postmortem;

import dev.firebell.web.Html;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * A draft's Markdown (CommonMark and GFM tables, as GitHub reads it) as HTML inside a console page, safe whatever the
 * draft holds (people edit drafts, alarms write into them): raw HTML is shown as text, never rendered; a link whose
 * address is not http, https, mailto or relative goes nowhere; an image is a link to it (nothing is loaded from
 * anywhere); headings move one level down under the page's own h1; tables scroll sideways on a phone, not the page;
 * and the Mermaid milestone chart becomes a {@link MilestoneFigure}.
 */
final class DraftHtml {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final UrlSanitizer SAFE_URLS = new SafeUrls();

    private DraftHtml() {
    }

    static String render(String markdown) {
        Node document = PARSER.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.min(6, heading.getLevel() + 1));
                visitChildren(heading);
            }
        });
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true)
                .urlSanitizer(SAFE_URLS)
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    if (tag.equals("a")) {
                        attributes.put("rel", "nofollow noopener noreferrer");
                    } else if (tag.equals("th")) {
                        attributes.put("scope", "col");
                    }
                })
                .nodeRendererFactory(DraftNodes::new)
                .build();
        // Raw HTML is escaped, so these tags can only be the renderer's own.
        return renderer.render(document).replace("<table>", "<div class=\"scroll\"><table>")
                .replace("</table>", "</table></div>");
    }

    /** Only addresses a reader can follow safely: http(s), mailto, and relative ones (no scheme). */
    static final class SafeUrls implements UrlSanitizer {

        @Override
        public String sanitizeLinkUrl(String url) {
            StringBuilder plain = new StringBuilder(url.length());
            for (int i = 0; i < url.length(); i++) {
                char c = url.charAt(i);
                if (c > ' ' && c != 0x7f) {
                    plain.append(c);
                }
            }
            String u = plain.toString().toLowerCase(Locale.ROOT);
            int colon = u.indexOf(':');
            int end = firstOf(u, "/?#");
            boolean hasScheme = colon >= 0 && (end < 0 || colon < end);
            if (!hasScheme || u.startsWith("http:") || u.startsWith("https:") || u.startsWith("mailto:")) {
                return url;
            }
            return "#";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return sanitizeLinkUrl(url);
        }

        private static int firstOf(String s, String chars) {
            int first = -1;
            for (char c : chars.toCharArray()) {
                int i = s.indexOf(c);
                if (i >= 0 && (first < 0 || i < first)) {
                    first = i;
                }
            }
            return first;
        }
    }

    /** Fenced code (the milestone chart in place of its Mermaid block) and images (as links). */
    private static final class DraftNodes implements NodeRenderer {

        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;
        private int figures;

        DraftNodes(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(FencedCodeBlock.class, Image.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof FencedCodeBlock) {
                code((FencedCodeBlock) node);
            } else {
                image((Image) node);
            }
        }

        private void code(FencedCodeBlock block) {
            String info = block.getInfo() == null ? "" : block.getInfo().strip();
            String language = info.isEmpty() ? "" : info.split("\\s+")[0];
            if (language.equals("mermaid")) {
                Optional<MilestoneFigure> figure = MilestoneFigure.read(block.getLiteral());
                if (figure.isPresent()) {
                    figures++;
                    html.line();
                    html.raw(figure.get().html(figures == 1 ? "milestones" : "milestones-" + figures));
                    return;
                }
            }
            html.line();
            html.raw("<div class=\"scroll\"><pre><code");
            if (!language.isEmpty()) {
                html.raw(" class=\"language-" + Html.escape(language) + "\"");
            }
            html.raw(">");
            html.text(block.getLiteral());
            html.raw("</code></pre></div>");
            html.line();
        }

        private void image(Image image) {
            StringBuilder alt = new StringBuilder();
            image.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    alt.append(text.getLiteral());
                }
            });
            String href = context.urlSanitizer().sanitizeLinkUrl(image.getDestination());
            html.tag("a", context.extendAttributes(image, "a", Map.of("href", context.encodeUrl(href))));
            html.text("Image: " + (alt.length() == 0 ? image.getDestination() : alt.toString()));
            html.tag("/a");
        }
    }
}
