package org.yiyong.samaritans.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** 寻找失联: one attempt to find a samaritan the association lost contact with, and whether it succeeded. */
@Entity
@Table(name = "samaritan_tracing")
public class Tracing {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private LocalDate tracedOn;

    private String note;

    private boolean found;

    private String recordedBy;

    protected Tracing() {
    }

    Tracing(LocalDate tracedOn, String note, boolean found, String recordedBy) {
        this.tracedOn = tracedOn;
        this.note = note;
        this.found = found;
        this.recordedBy = recordedBy;
    }

    public LocalDate getTracedOn() {
        return tracedOn;
    }

    public String getNote() {
        return note;
    }

    public boolean isFound() {
        return found;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
