package org.yiyong.deeds.web;

import org.yiyong.deeds.DeedFacts;
import org.yiyong.deeds.DeedFactsForm;
import org.yiyong.deeds.DeedSource;
import org.yiyong.deeds.NewDeed;
import org.yiyong.deeds.internal.NominatorKind;

/** The intake form: the act, where it is registered, its source, and up to {@value #ROWS} people. */
public class DeedForm extends DeedFactsForm {

    static final int ROWS = 5;

    private String regionCode;
    private DeedSource source;
    private NominatorKind nominatorKind;

    public DeedForm() {
        super(ROWS);
    }

    NewDeed toNewDeed() {
        return new NewDeed(regionCode, new DeedFacts(getCategory(), source, nominatorKind, getOccurredAt(),
                getAddress(), getTitle(), getNarrative()), newParticipants(), null, isNotADuplicate());
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
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
}
