package org.yiyong.deeds.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** 补正: documents asked of the applicant; the decision clock stops until they arrive. */
@Entity
@Table(name = "deed_pause")
public class DocumentRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private LocalDate pausedOn;

    private LocalDate resumedOn;

    private String requestedDocuments;

    protected DocumentRequest() {
    }

    DocumentRequest(LocalDate pausedOn, String requestedDocuments) {
        this.pausedOn = pausedOn;
        this.requestedDocuments = requestedDocuments;
    }

    void arrived(LocalDate on) {
        this.resumedOn = on;
    }

    public LocalDate getPausedOn() {
        return pausedOn;
    }

    public LocalDate getResumedOn() {
        return resumedOn;
    }

    public String getRequestedDocuments() {
        return requestedDocuments;
    }

    public boolean isOpen() {
        return resumedOn == null;
    }
}
