package org.yiyong.publicity.internal;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The HTML an article may keep, as an allow-list: paragraphs, headings, emphasis, lists, quotes, tables, links
 * to web and mail addresses (opened without handing over the portal), and pictures served by the portal itself.
 * Everything else — scripts, event handlers, styles, frames, forms, {@code javascript:} and {@code data:}
 * addresses — is dropped before the article is saved, so nothing a visitor is sent can run.
 */
public final class ArticleHtml {

    /** The address of a picture the portal serves: {@code /public/images/<id>}. */
    private static final Pattern OWN_IMAGE = Pattern.compile("/public/images/[0-9]{1,18}");

    private static final Pattern QUILL_CLASS = Pattern.compile("ql-align-(center|right|justify)|ql-indent-[1-8]");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
                    "blockquote", "ol", "ul", "li", "a", "img", "figure", "figcaption", "hr", "table", "thead",
                    "tbody", "tr", "th", "td", "span")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
            .allowAttributes("src").matching(OWN_IMAGE).onElements("img")
            .allowAttributes("alt", "title").onElements("img")
            .allowAttributes("width", "height").matching(Pattern.compile("[0-9]{1,4}")).onElements("img")
            .allowAttributes("class").matching(QUILL_CLASS).onElements("p", "h2", "h3", "h4", "li")
            .allowAttributes("colspan", "rowspan").matching(Pattern.compile("[0-9]{1,2}")).onElements("td", "th")
            .toFactory();

    private ArticleHtml() {
    }

    /** The allowed part of the HTML; an image whose address is not the portal's own is dropped whole. */
    public static String clean(String html) {
        if (html == null) {
            return "";
        }
        return POLICY.sanitize(html).strip();
    }

    /** The text of the HTML without its tags, whitespace collapsed: for summaries, feeds and length checks. */
    public static String text(String html) {
        String stripped = new HtmlPolicyBuilder().toFactory().sanitize(html == null ? "" : html.replace("<", " <"));
        return org.owasp.html.Encoding.decodeHtml(stripped, false).replaceAll("\\s+", " ").strip();
    }
}
