package org.yiyong.reporting.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yiyong.evaluation.Evaluations;
import org.yiyong.reporting.Statistics.FigureValue;
import org.yiyong.reporting.Statistics.PartValue;
import org.yiyong.reporting.Statistics.SectionValue;
import org.yiyong.reporting.Statistics.StatisticsReport;
import org.yiyong.shared.FigureSource.Section;
import org.yiyong.shared.Money;

/**
 * The generated sentences of the annual work report, in Chinese whatever the reader's language, since the
 * report is an official document: one sentence per figure of the statistics, with the year before (同比) —
 * "全年共确认见义勇为人员85人，同比增长13.3%（上年75人）。" — money in 万元, and a figure's parts (the titles
 * of the honours granted, …) listed after it. A figure without a sentence of its own is stated by its label.
 */
@Component
public class AnnualReportText {

    /** The language of the report. */
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;

    AnnualReportText(MessageSource messages) {
        this.messages = messages;
    }

    /** The sentences of a section: one per figure it states, or what the section says without figures. */
    public List<String> sentences(AnnualReportSection section, StatisticsReport report) {
        List<String> sentences = new ArrayList<>();
        if (!section.hasFigures()) {
            String none = messages.getMessage("annual-report.generated." + section.name(), null, "", CHINESE);
            if (!none.isEmpty()) {
                sentences.add(none);
            }
            return sentences;
        }
        for (Section wanted : section.figures()) {
            for (SectionValue value : report.sections()) {
                if (value.section() == wanted) {
                    value.figures().forEach(figure -> sentences.add(sentence(figure)));
                }
            }
        }
        return sentences;
    }

    /**
     * The sentence of a published evaluation: for the city, the units at the top; for a county, its own place (a
     * county round) or its stations' best place (a station round); none when the region has no unit in it.
     */
    public Optional<String> evaluation(Evaluations.Result result, String regionCode) {
        List<Evaluations.Standing> ranking = result.ranking();
        String subject = messages.getMessage("evaluation.subject." + result.subject().name(), null, CHINESE);
        List<Evaluations.Standing> own = ranking.stream().filter(unit -> unit.regionCode().equals(regionCode))
                .toList();
        if (own.isEmpty()) {
            String top = ranking.stream().limit(3).map(Evaluations.Standing::unitName)
                    .collect(java.util.stream.Collectors.joining("、"));
            return ranking.isEmpty() ? Optional.empty() : Optional.of(messages.getMessage(
                    "annual-report.evaluation.city", new Object[] {result.schemeName(), String.valueOf(ranking.size()),
                            subject, top}, CHINESE));
        }
        Evaluations.Standing best = own.get(0);
        return Optional.of(messages.getMessage("annual-report.evaluation.own", new Object[] {result.schemeName(),
                best.unitName(), best.total() == null ? "—" : best.total().stripTrailingZeros().toPlainString(),
                String.valueOf(ranking.size()), subject, String.valueOf(best.ranking())}, CHINESE));
    }

    /** The sentence of one figure, with its comparison with the year before and its parts. */
    public String sentence(FigureValue figure) {
        String value = amount(figure, figure.total());
        String statement = messages.getMessage("annual-report.sentence." + figure.key(), new Object[] {value},
                null, CHINESE);
        if (statement == null) {
            statement = messages.getMessage("annual-report.sentence", new Object[] {figure.label(), value}, CHINESE);
        }
        StringBuilder sentence = new StringBuilder(statement).append('，').append(change(figure));
        List<PartValue> parts = figure.parts().stream().filter(part -> part.value().signum() != 0).toList();
        if (!parts.isEmpty()) {
            sentence.append(messages.getMessage("annual-report.parts", new Object[] {parts.stream()
                    .map(part -> part.label() + amount(figure, part.value()))
                    .collect(Collectors.joining("、"))}, CHINESE));
        }
        return sentence.append('。').toString();
    }

    /** The comparison with the year before: 同比增长13.3%（上年75人）, 同比持平, 上年无数据. */
    public String change(FigureValue figure) {
        BigDecimal percent = figure.changePercent();
        if (percent == null) {
            return messages.getMessage("annual-report.change.none", null, CHINESE);
        }
        String before = amount(figure, figure.previousYear());
        String key = switch (percent.signum()) {
            case 1 -> "annual-report.change.up";
            case -1 -> "annual-report.change.down";
            default -> "annual-report.change.same";
        };
        return messages.getMessage(key, new Object[] {percent.abs().toPlainString(), before}, CHINESE);
    }

    /** An amount of the figure's unit: 85人, 12户, 104万元. */
    public String amount(FigureValue figure, BigDecimal value) {
        if (figure.unit().isMoney()) {
            return Money.ofRounded(value).formatWan();
        }
        return value.stripTrailingZeros().toPlainString()
                + messages.getMessage("figure.unit." + figure.unit(), null, CHINESE);
    }
}
