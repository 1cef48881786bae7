package org.yiyong.reporting.internal;

import java.util.List;
import org.yiyong.shared.FigureSource.Section;

/**
 * The sections of the annual work report, in the order of the association's yearly report: honours and
 * rewards, care and protection, funds raised and used, stations, volunteers and publicity, evaluation, and
 * next year's work. Each states the figures of the statistics sections it draws on; a section that draws on
 * none says so, or (next year's work) is the staff's narrative only.
 */
public enum AnnualReportSection {
    /** 表彰奖励: the deeds and people confirmed, the honours granted and the rewards. */
    HONOURS(Section.CONFIRMATION, Section.HONOURS),
    /** 关爱帮扶与权益保障: disability, pensions, benefits, condolences, student aid, targeted aid. */
    CARE(Section.PROTECTION, Section.CARE),
    /** 基金募集与使用: donations raised, money paid out, the balance. */
    FUNDS(Section.FUNDS),
    /** 工作站、志愿者与宣传: stations, volunteers and hours, trainings, theme parks (publicity not yet). */
    COMMUNITY(Section.COMMUNITY),
    /** 绩效考评: the year's published evaluations of the counties and the work stations (evaluation module). */
    EVALUATION,
    /** 下一年度工作: the staff's narrative only. */
    NEXT_YEAR;

    private final List<Section> figures;

    AnnualReportSection(Section... figures) {
        this.figures = List.of(figures);
    }

    /** The sections of the statistics whose figures this section states, in order. */
    public List<Section> figures() {
        return figures;
    }

    /** Whether the section states figures of the statistics. */
    public boolean hasFigures() {
        return !figures.isEmpty();
    }

    /** The section of the key, or {@code null} when no section has it. */
    public static AnnualReportSection byKey(String key) {
        for (AnnualReportSection section : values()) {
            if (section.name().equals(key)) {
                return section;
            }
        }
        return null;
    }
}
