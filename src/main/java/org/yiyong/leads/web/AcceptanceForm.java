package org.yiyong.leads.web;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.yiyong.deeds.DeedCategory;
import org.yiyong.deeds.ParticipantRole;
import org.yiyong.deeds.ParticipantRow;
import org.yiyong.leads.internal.Lead;
import org.yiyong.leads.internal.LeadAcceptance;

/**
 * What staff fill in to take a lead up as a deed, started from the lead. A JavaBean so that indexed
 * rows bind; the field names are the deed's, so that the deed's refusals land on the right field.
 */
public class AcceptanceForm {

    static final int ROWS = 4;

    private DeedCategory category;
    private String title;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime occurredAt;
    private String address;
    private String narrative;
    private boolean notADuplicate;
    private List<ParticipantRow> participants = new ArrayList<>();

    public AcceptanceForm() {
        for (int i = 0; i < ROWS; i++) {
            participants.add(new ParticipantRow());
        }
        participants.get(0).setRole(ParticipantRole.ACTOR);
    }

    static AcceptanceForm from(Lead lead) {
        AcceptanceForm form = new AcceptanceForm();
        form.setOccurredAt(lead.occurredAt());
        form.setAddress(lead.getAddress());
        form.setNarrative(lead.getNarrative());
        return form;
    }

    LeadAcceptance toAcceptance() {
        return new LeadAcceptance(category, title, occurredAt, address, narrative,
                participants.stream().map(ParticipantRow::toNewParticipant).toList(), notADuplicate);
    }

    public DeedCategory getCategory() {
        return category;
    }

    public void setCategory(DeedCategory category) {
        this.category = category;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public LocalDateTime getOccurredAt() {
        return occurredAt;
    }

    public void setOccurredAt(LocalDateTime occurredAt) {
        this.occurredAt = occurredAt;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getNarrative() {
        return narrative;
    }

    public void setNarrative(String narrative) {
        this.narrative = narrative;
    }

    public boolean isNotADuplicate() {
        return notADuplicate;
    }

    public void setNotADuplicate(boolean notADuplicate) {
        this.notADuplicate = notADuplicate;
    }

    public List<ParticipantRow> getParticipants() {
        return participants;
    }

    public void setParticipants(List<ParticipantRow> participants) {
        this.participants = participants;
    }
}
