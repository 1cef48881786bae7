package org.yiyong.care.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/** A step taken on an assistance case, as the case's history. */
@Entity
@Immutable
@Table(name = "assistance_note")
public class AssistanceNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private LocalDate notedOn;

    private String note;

    private String notedBy;

    protected AssistanceNote() {
    }

    AssistanceNote(LocalDate notedOn, String note, String notedBy) {
        this.notedOn = notedOn;
        this.note = note;
        this.notedBy = notedBy;
    }

    public Long getId() {
        return id;
    }

    public LocalDate getNotedOn() {
        return notedOn;
    }

    public String getNote() {
        return note;
    }

    public String getNotedBy() {
        return notedBy;
    }
}
