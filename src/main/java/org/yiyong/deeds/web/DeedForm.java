package org.yiyong.deeds.web;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.yiyong.deeds.DeedCategory;
import org.yiyong.deeds.DeedFacts;
import org.yiyong.deeds.DeedSource;
import org.yiyong.deeds.NewDeed;
import org.yiyong.deeds.ParticipantRole;
import org.yiyong.deeds.ParticipantRow;
import org.yiyong.deeds.internal.NominatorKind;

/** The intake form: the act and up to {@value #ROWS} people. A JavaBean so that indexed rows bind. */
public class DeedForm {

    static final int ROWS = 5;

    private String regionCode;
    private DeedCategory category;
    private DeedSource source;
    private NominatorKind nominatorKind;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime occurredAt;
    private String address;
    private String title;
    private String narrative;
    private boolean notADuplicate;
    private List<ParticipantRow> participants = new ArrayList<>();

    public DeedForm() {
        for (int i = 0; i < ROWS; i++) {
            participants.add(new ParticipantRow());
        }
        participants.get(0).setRole(ParticipantRole.ACTOR);
    }

    NewDeed toNewDeed() {
        return new NewDeed(regionCode, new DeedFacts(category, source, nominatorKind, occurredAt, address, title,
                narrative), participants.stream().map(ParticipantRow::toNewParticipant).toList(), null, notADuplicate);
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public DeedCategory getCategory() {
        return category;
    }

    public void setCategory(DeedCategory category) {
        this.category = category;
    }

    public DeedSource getSource() {
        return source;
    }

    public void setSource(DeedSource source) {
        this.source = source;
    }

    public NominatorKind getNominatorKind() {
        return nominatorKind;
    }

    public void setNominatorKind(NominatorKind nominatorKind) {
        this.nominatorKind = nominatorKind;
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

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
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
