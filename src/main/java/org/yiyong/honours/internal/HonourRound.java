package org.yiyong.honours.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.yiyong.shared.InvalidField;
import org.yiyong.shared.NotAllowed;
import org.yiyong.shared.RecordNotFound;

/**
 * 集中表彰: an honour round over the deeds confirmed in its window. Candidates are drawn from the
 * confirmed actors; a panel scores them on weighted criteria, each member first declaring any conflict
 * of interest, which recuses them for that candidate; the candidates are ranked, given titles, the
 * granting body approves, and the honours are granted.
 */
@Entity
@Table(name = "honour_round")
public class HonourRound {

    /** Where a round stands. Stored by name. */
    public enum Status {
        OPEN,
        REVIEWING,
        RANKED,
        APPROVED,
        GRANTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private LocalDate windowFrom;

    private LocalDate windowTo;

    @Enumerated(EnumType.STRING)
    private Status status;

    private LocalDate ceremonyOn;

    private String documentNumber;

    /** The county whose round it is; {@code null}: the city's. */
    private String regionCode;

    private String createdBy;

    private Instant createdAt;

    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @JoinColumn(name = "round_id", nullable = false)
    @OrderBy("id")
    private List<RoundCriterion> criteria = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @JoinColumn(name = "round_id", nullable = false)
    @OrderBy("id")
    private List<RoundMember> members = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @JoinColumn(name = "round_id", nullable = false)
    @OrderBy("id")
    private List<RoundCandidate> candidates = new ArrayList<>();

    protected HonourRound() {
    }

    HonourRound(String name, LocalDate windowFrom, LocalDate windowTo, Map<String, Integer> criteria,
            List<String> members, String createdBy, Instant now) {
        if (criteria.isEmpty() || criteria.values().stream().anyMatch(w -> w == null || w < 1 || w > 100)
                || criteria.values().stream().mapToInt(Integer::intValue).sum() != 100) {
            throw new InvalidField("criteria", "round.criteria.weights");
        }
        if (members.size() < 2) {
            throw new InvalidField("members", "round.members.two");
        }
        this.name = name;
        this.windowFrom = windowFrom;
        this.windowTo = windowTo;
        criteria.forEach((criterion, weight) -> this.criteria.add(new RoundCriterion(criterion, weight)));
        members.forEach(member -> this.members.add(new RoundMember(member)));
        this.status = Status.OPEN;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** A county's round (its candidates, titles and rewards the county's); the city's by default. */
    HonourRound ofCounty(String countyCode) {
        this.regionCode = countyCode;
        return this;
    }

    /** The county whose round it is; {@code null} for the city's. */
    public String getRegionCode() {
        return regionCode;
    }

    public boolean isCounty() {
        return regionCode != null;
    }

    /** Adds a candidate (an actor or group of the window, a nominated unit or station), once. */
    boolean addCandidate(RoundCandidate candidate) {
        requireStatus(Status.OPEN);
        boolean known = candidates.stream().anyMatch(c -> c.getRecipientKey().equals(candidate.getRecipientKey()));
        if (!known) {
            candidates.add(candidate);
        }
        return !known;
    }

    void startReview() {
        requireStatus(Status.OPEN);
        if (candidates.isEmpty()) {
            throw new HonourRuleBroken("round.no-candidates");
        }
        this.status = Status.REVIEWING;
    }

    /** A panel member declares a conflict of interest with a candidate and is recused for them. */
    void declareConflict(String member, long candidateId, String reason) {
        requireStatus(Status.REVIEWING);
        requireMember(member);
        RoundCandidate candidate = candidate(candidateId);
        candidate.recuse(member, reason);
    }

    void score(String member, long candidateId, Map<Long, Integer> scores) {
        requireStatus(Status.REVIEWING);
        requireMember(member);
        RoundCandidate candidate = candidate(candidateId);
        if (candidate.isRecused(member)) {
            throw new HonourRuleBroken("round.recused", candidate.getName());
        }
        for (RoundCriterion criterion : criteria) {
            Integer score = scores.get(criterion.getId());
            if (score == null || score < 0 || score > 100) {
                throw new InvalidField("scores", "round.score.range", criterion.getName());
            }
        }
        candidate.scoreBy(member, scores);
    }

    /** Ranks the candidates by their weighted mean score, once every member not recused has scored them. */
    void rank() {
        requireStatus(Status.REVIEWING);
        for (RoundCandidate candidate : candidates) {
            List<String> expected = members.stream().map(RoundMember::getUsername)
                    .filter(member -> !candidate.isRecused(member)).toList();
            if (expected.isEmpty()) {
                throw new HonourRuleBroken("round.nobody-to-score", candidate.getName());
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (String member : expected) {
                if (!candidate.hasScoresOf(member, criteria.size())) {
                    throw new HonourRuleBroken("round.scores-missing", candidate.getName(), member);
                }
                int weighted = 0;
                for (RoundCriterion criterion : criteria) {
                    weighted += candidate.scoreOf(member, criterion.getId()) * criterion.getWeight();
                }
                sum = sum.add(BigDecimal.valueOf(weighted).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
            }
            candidate.ranked(sum.divide(BigDecimal.valueOf(expected.size()), 2, RoundingMode.HALF_UP));
        }
        List<RoundCandidate> order = candidates.stream()
                .sorted(Comparator.comparing(RoundCandidate::getScore).reversed()
                        .thenComparing(RoundCandidate::getName))
                .toList();
        for (int i = 0; i < order.size(); i++) {
            order.get(i).placed(i + 1);
        }
        this.status = Status.RANKED;
    }

    void assignTitle(long candidateId, Long titleId) {
        requireStatus(Status.RANKED);
        candidate(candidateId).titled(titleId);
    }

    /** The granting body's approval, by its document. */
    void approve(String document) {
        requireStatus(Status.RANKED);
        if (candidates.stream().noneMatch(c -> c.getTitleId() != null)) {
            throw new HonourRuleBroken("round.no-titles");
        }
        this.documentNumber = document;
        this.status = Status.APPROVED;
    }

    void granted(LocalDate ceremony) {
        requireStatus(Status.APPROVED);
        this.ceremonyOn = ceremony;
        this.status = Status.GRANTED;
    }

    RoundCandidate candidate(long candidateId) {
        return candidates.stream().filter(c -> c.getId() == candidateId).findFirst()
                .orElseThrow(() -> new RecordNotFound("RoundCandidate", candidateId));
    }

    private void requireMember(String username) {
        if (members.stream().noneMatch(m -> m.getUsername().equals(username))) {
            throw new NotAllowed("round.not-a-member");
        }
    }

    private void requireStatus(Status expected) {
        if (status != expected) {
            throw new HonourRuleBroken("round.status.wrong", new org.springframework.context.support
                    .DefaultMessageSourceResolvable(new String[] {"round.status." + status.name()}, status.name()));
        }
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public LocalDate getWindowFrom() {
        return windowFrom;
    }

    public LocalDate getWindowTo() {
        return windowTo;
    }

    public Status getStatus() {
        return status;
    }

    public LocalDate getCeremonyOn() {
        return ceremonyOn;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public List<RoundCriterion> getCriteria() {
        return criteria;
    }

    public List<RoundMember> getMembers() {
        return members;
    }

    public List<RoundCandidate> getCandidates() {
        return candidates;
    }

    /** The candidates in rank order once ranked, else in the order drawn. */
    public List<RoundCandidate> ranking() {
        return candidates.stream().sorted(Comparator.comparing(RoundCandidate::getRankPosition,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(RoundCandidate::getId)).toList();
    }
}
