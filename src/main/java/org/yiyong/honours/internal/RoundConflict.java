package org.yiyong.honours.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A panel member's declared conflict of interest with a candidate; they do not score them. */
@Entity
@Table(name = "round_conflict")
public class RoundConflict {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    private String reason;

    protected RoundConflict() {
    }

    RoundConflict(String username, String reason) {
        this.username = username;
        this.reason = reason;
    }

    public String getUsername() {
        return username;
    }

    public String getReason() {
        return reason;
    }
}
