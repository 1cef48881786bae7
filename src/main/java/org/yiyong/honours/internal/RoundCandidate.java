package org.yiyong.honours.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * A candidate in a round — a confirmed actor for a deed, the group of a deed's actors, an association
 * (先进单位) or a work station (先进工作站) — with the conflicts declared, the scores, score, rank and title.
 */
@Entity
@Table(name = "round_candidate")
public class RoundCandidate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Recipient recipient;

    /** what makes a candidate unique in its round: PERSON:samaritan:deed, GROUP:deed, UNIT:organization… */
    private String recipientKey;

    private Long samaritanId;

    private Long deedId;

    private Long organizationId;

    private String deedNumber;

    private String name;

    private String regionCode;

    private Long titleId;

    private BigDecimal score;

    @Column(name = "rank_position")
    private Integer rankPosition;

    private Long honourId;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @JoinColumn(name = "candidate_id", nullable = false)
    @OrderBy("id")
    private List<RoundConflict> conflicts = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @JoinColumn(name = "candidate_id", nullable = false)
    @OrderBy("id")
    private List<RoundScore> scores = new ArrayList<>();

    protected RoundCandidate() {
    }

    private RoundCandidate(Recipient recipient, String recipientKey, Long samaritanId, Long deedId,
            Long organizationId, String deedNumber, String name, String regionCode) {
        this.recipient = recipient;
        this.recipientKey = recipientKey;
        this.samaritanId = samaritanId;
        this.deedId = deedId;
        this.organizationId = organizationId;
        this.deedNumber = deedNumber;
        this.name = name;
        this.regionCode = regionCode;
    }

    static RoundCandidate person(long samaritanId, long deedId, String deedNumber, String name, String regionCode) {
        return new RoundCandidate(Recipient.PERSON, "PERSON:" + samaritanId + ":" + deedId, samaritanId, deedId, null,
                deedNumber, name, regionCode);
    }

    /** The group of the actors confirmed for one deed, named after them. */
    static RoundCandidate group(long deedId, String deedNumber, String name, String regionCode) {
        return new RoundCandidate(Recipient.GROUP, "GROUP:" + deedId, null, deedId, null, deedNumber, name, regionCode);
    }

    /** An association (UNIT) or a work station (STATION). */
    static RoundCandidate organization(Recipient recipient, long organizationId, String name, String regionCode) {
        return new RoundCandidate(recipient, recipient.name() + ":" + organizationId, null, null, organizationId, null,
                name, regionCode);
    }

    void recuse(String member, String reason) {
        if (isRecused(member)) {
            return;
        }
        scores.removeIf(score -> score.getUsername().equals(member));
        conflicts.add(new RoundConflict(member, reason));
    }

    boolean isRecused(String member) {
        return conflicts.stream().anyMatch(c -> c.getUsername().equals(member));
    }

    void scoreBy(String member, Map<Long, Integer> byCriterion) {
        scores.removeIf(score -> score.getUsername().equals(member));
        byCriterion.forEach((criterion, value) -> scores.add(new RoundScore(criterion, member, value)));
    }

    boolean hasScoresOf(String member, int criteria) {
        return scores.stream().filter(s -> s.getUsername().equals(member)).count() == criteria;
    }

    int scoreOf(String member, long criterionId) {
        return scores.stream().filter(s -> s.getUsername().equals(member) && s.getCriterionId() == criterionId)
                .findFirst().map(RoundScore::getScore).orElse(0);
    }

    void ranked(BigDecimal value) {
        this.score = value;
    }

    void placed(int position) {
        this.rankPosition = position;
    }

    void titled(Long title) {
        this.titleId = title;
    }

    void honoured(long honour) {
        this.honourId = honour;
    }

    public Long getId() {
        return id;
    }

    public Recipient getRecipient() {
        return recipient;
    }

    public String getRecipientKey() {
        return recipientKey;
    }

    public Long getSamaritanId() {
        return samaritanId;
    }

    public Long getDeedId() {
        return deedId;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public String getDeedNumber() {
        return deedNumber;
    }

    public String getName() {
        return name;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public Long getTitleId() {
        return titleId;
    }

    public BigDecimal getScore() {
        return score;
    }

    public Integer getRankPosition() {
        return rankPosition;
    }

    public Long getHonourId() {
        return honourId;
    }

    public List<RoundConflict> getConflicts() {
        return conflicts;
    }

    public List<RoundScore> getScores() {
        return scores;
    }
}
