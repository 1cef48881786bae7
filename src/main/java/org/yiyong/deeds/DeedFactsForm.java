package org.yiyong.deeds;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The facts of a deed and its people as a page's form binds them (a JavaBean, so that indexed rows
 * bind): the part the form of a new deed and the form that takes up a public lead as a deed have in
 * common. The field names are the deed's, so that the deed's refusals land on the right field.
 */
public abstract class DeedFactsForm {

    private DeedCategory category;
    private String title;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime occurredAt;
    private String address;
    private String narrative;
    private boolean notADuplicate;
    private List<ParticipantRow> participants = new ArrayList<>();

    /** A form with {@code rows} empty rows of people, the first one an actor's. */
    protected DeedFactsForm(int rows) {
        for (int i = 0; i < rows; i++) {
            participants.add(new ParticipantRow());
        }
        participants.get(0).setRole(ParticipantRole.ACTOR);
    }

    /** The people filled in, as a new deed takes them. */
    protected List<NewDeed.NewParticipant> newParticipants() {
        return participants.stream().map(ParticipantRow::toNewParticipant).toList();
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
