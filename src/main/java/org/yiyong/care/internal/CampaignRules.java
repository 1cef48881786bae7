package org.yiyong.care.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules that put a registry person on a campaign's roster or leave them out, judged on the festival
 * day. In order:
 * <ol>
 * <li>already counted on another campaign of the same festival and year (the city's and a county's) → out;</li>
 * <li>every honour revoked (at least one revoked, none granted) → out;</li>
 * <li>deceased: the household is visited through one living survivor — a spouse not remarried, a parent,
 * a child under 18 or still in school (spouse first, then parents, then children) — in the category of
 * martyrs' or deceased samaritans' families; no survivor → out;</li>
 * <li>living: the category paying most among disabled, provincial-or-higher honour, city honour, and
 * other confirmed samaritans;</li>
 * <li>lost contact → out until a check of recent good conduct is recorded; found again by tracing within
 * the year before the festival → in, but the check is still needed before paying.</li>
 * </ol>
 */
final class CampaignRules {

    private CampaignRules() {
    }

    /** What the registry says about a person, gathered by one SQL query for the whole roster. */
    record Person(long id, String name, String regionCode, String status, String deathKind, boolean lostContact,
            LocalDate lastFoundOn, int grantedHonours, int revokedHonours, Integer bestHonourRank) {
    }

    /** A relative of a deceased samaritan still alive. */
    record Survivor(long id, long samaritanId, String relation, String name, LocalDate birthDate, String stage,
            LocalDate schoolingEndsOn, LocalDate remarriedOn) {
    }

    /** Where a person lands: in or out, why, and what they would be paid. */
    record Decision(boolean included, CampaignLine.Reason reason, String text, CondolenceCategory category,
            BigDecimal amount, Survivor payee, boolean conductCheckRequired) {
    }

    static final int NATIONAL = 1;
    static final int PROVINCIAL = 2;
    static final int CITY = 3;

    static Decision decide(Person person, List<Survivor> family, String otherCampaign,
            Map<CondolenceCategory, BigDecimal> amounts, LocalDate day) {
        boolean checkNeeded = person.lostContact()
                || (person.lastFoundOn() != null && !person.lastFoundOn().isBefore(day.minusYears(1)));
        if (otherCampaign != null) {
            return new Decision(false, CampaignLine.Reason.ON_OTHER_CAMPAIGN, "已列入《" + otherCampaign + "》", null,
                    null, null, checkNeeded);
        }
        if (person.revokedHonours() > 0 && person.grantedHonours() == 0) {
            return new Decision(false, CampaignLine.Reason.HONOUR_REVOKED, "荣誉称号已全部撤销", null, null, null,
                    checkNeeded);
        }
        CondolenceCategory category;
        Survivor payee = null;
        if ("DECEASED".equals(person.status())) {
            Optional<Survivor> first = family.stream().filter(s -> counts(s, day))
                    .min(Comparator.comparingInt(CampaignRules::priority).thenComparing(Survivor::id));
            if (first.isEmpty()) {
                return new Decision(false, CampaignLine.Reason.NO_SURVIVOR, family.isEmpty() ? "已故，无在世近亲属"
                        : "已故，配偶已再婚或亡故，子女已成年且不在学", null, null, null, checkNeeded);
            }
            payee = first.get();
            category = "MARTYR".equals(person.deathKind()) ? CondolenceCategory.MARTYR_FAMILY
                    : CondolenceCategory.DECEASED_FAMILY;
        } else {
            List<CondolenceCategory> candidates = new java.util.ArrayList<>();
            if ("DISABLED".equals(person.status())) {
                candidates.add(CondolenceCategory.DISABLED);
            }
            Integer rank = person.bestHonourRank();
            if (rank != null && rank <= PROVINCIAL) {
                candidates.add(CondolenceCategory.PROVINCIAL_HONOUR);
            } else if (rank != null && rank == CITY) {
                candidates.add(CondolenceCategory.CITY_HONOUR);
            }
            candidates.add(CondolenceCategory.OTHER);
            category = candidates.stream().max(Comparator.<CondolenceCategory, BigDecimal>comparing(
                    c -> amountOf(amounts, c, day)).thenComparing(Comparator.reverseOrder())).orElseThrow();
        }
        BigDecimal amount = amountOf(amounts, category, day);
        String basis = category.label() + (payee == null ? "" : "，由" + relationLabel(payee.relation()) + payee.name()
                + "代领");
        if (person.lostContact()) {
            return new Decision(false, CampaignLine.Reason.LOST_CONTACT, "失联，待核实近期表现（" + basis + "）", category,
                    amount, payee, true);
        }
        return new Decision(true, CampaignLine.Reason.RULE, checkNeeded ? basis + "；新近找回，发放前须核实近期表现"
                : basis, category, amount, payee, checkNeeded);
    }

    /** A survivor the household is visited through on the day. */
    static boolean counts(Survivor s, LocalDate day) {
        return switch (s.relation()) {
            case "SPOUSE" -> s.remarriedOn() == null || s.remarriedOn().isAfter(day);
            case "PARENT" -> true;
            case "CHILD" -> (s.birthDate() != null && s.birthDate().plusYears(18).isAfter(day))
                    || (s.stage() != null && !"NONE".equals(s.stage())
                            && (s.schoolingEndsOn() == null || !s.schoolingEndsOn().isBefore(day)));
            default -> false;
        };
    }

    private static int priority(Survivor s) {
        return switch (s.relation()) {
            case "SPOUSE" -> 0;
            case "PARENT" -> 1;
            default -> 2;
        };
    }

    static String relationLabel(String relation) {
        return switch (relation == null ? "" : relation) {
            case "SPOUSE" -> "配偶";
            case "PARENT" -> "父母";
            case "CHILD" -> "子女";
            default -> "亲属";
        };
    }

    static BigDecimal amountOf(Map<CondolenceCategory, BigDecimal> amounts, CondolenceCategory category,
            LocalDate day) {
        BigDecimal amount = amounts.get(category);
        if (amount == null) {
            throw new CareRuleBroken("condolence.standard.missing", category.name(), day.toString());
        }
        return amount;
    }
}
