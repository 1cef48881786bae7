package org.yiyong.honours.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One member's score (0–100) of one candidate on one criterion. */
@Entity
@Table(name = "round_score")
public class RoundScore {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long criterionId;

    private String username;

    private int score;

    protected RoundScore() {
    }

    RoundScore(long criterionId, String username, int score) {
        this.criterionId = criterionId;
        this.username = username;
        this.score = score;
    }

    public long getCriterionId() {
        return criterionId;
    }

    public String getUsername() {
        return username;
    }

    public int getScore() {
        return score;
    }
}
