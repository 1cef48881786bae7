package org.yiyong.leads.web;

import org.yiyong.deeds.DeedFactsForm;
import org.yiyong.leads.internal.Lead;
import org.yiyong.leads.internal.LeadAcceptance;

/** What staff fill in to take a lead up as a deed, started from the lead: the act and up to {@value #ROWS} people. */
public class AcceptanceForm extends DeedFactsForm {

    static final int ROWS = 4;

    public AcceptanceForm() {
        super(ROWS);
    }

    static AcceptanceForm from(Lead lead) {
        AcceptanceForm form = new AcceptanceForm();
        form.setOccurredAt(lead.occurredAt());
        form.setAddress(lead.getAddress());
        form.setNarrative(lead.getNarrative());
        return form;
    }

    LeadAcceptance toAcceptance() {
        return new LeadAcceptance(getCategory(), getTitle(), getOccurredAt(), getAddress(), getNarrative(),
                newParticipants(), isNotADuplicate());
    }
}
