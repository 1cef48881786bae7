package org.yiyong.documents;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Renders an XHTML Thymeleaf template to PDF, with a TrueType CJK font shipped in the jar embedded so
 * that the document shows Chinese on any machine. Templates name the font as {@code ${fontFamily}}, and
 * may call beans as pages do: {@code ${@people.name(donation.recordedBy)}} names a person as they are
 * known, not by their login name.
 */
@Component
public class PdfDocuments {

    public static final String FONT_FAMILY = "Yiyong CJK";
    private static final String FONT = "fonts/DroidSansFallbackFull.ttf";

    static {
        // the renderer logs every step at INFO through java.util.logging; keep its warnings only
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, java.util.logging.Level.WARNING));
    }

    private final ITemplateEngine templates;
    private final ApplicationContext beans;

    PdfDocuments(ITemplateEngine templates, ApplicationContext beans) {
        this.templates = templates;
        this.beans = beans;
    }

    public byte[] render(String template, Map<String, Object> variables) {
        Context context = new Context(Locale.SIMPLIFIED_CHINESE);
        context.setVariables(variables);
        context.setVariable("fontFamily", FONT_FAMILY);
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(beans, null));
        String html = templates.process(template, context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> {
                try {
                    return new ClassPathResource(FONT).getInputStream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, FONT_FAMILY);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("document " + template + " could not be rendered", e);
        }
    }

    private static final String DIGITS = "〇一二三四五六七八九";

    /** 二〇二六年十一月二十八日, as official documents date themselves. */
    public static String officialDate(java.time.LocalDate day) {
        StringBuilder year = new StringBuilder();
        for (char c : String.valueOf(day.getYear()).toCharArray()) {
            year.append(DIGITS.charAt(c - '0'));
        }
        return year + "年" + chineseNumber(day.getMonthValue()) + "月" + chineseNumber(day.getDayOfMonth()) + "日";
    }

    /** 1–99 in Chinese numerals: 七, 十五, 二十八. */
    public static String chineseNumber(int n) {
        if (n < 10) {
            return String.valueOf(DIGITS.charAt(n));
        }
        String tens = n / 10 == 1 ? "" : String.valueOf(DIGITS.charAt(n / 10));
        String units = n % 10 == 0 ? "" : String.valueOf(DIGITS.charAt(n % 10));
        return tens + "十" + units;
    }
}
