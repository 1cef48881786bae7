package org.yiyong.deeds;

/**
 * One row of the people of a deed as a page's form binds it (role, name, resident ID, phone, harm, consent to SMS):
 * the form of a new deed and the form that takes up a public lead as a deed both use it.
 */
public class ParticipantRow {

    private ParticipantRole role;
    private String name;
    private String residentId;
    private String phone;
    private Harm harm = Harm.NONE;
    private Boolean smsConsent;

    public NewDeed.NewParticipant toNewParticipant() {
        return new NewDeed.NewParticipant(role, name, residentId, phone, harm, Boolean.TRUE.equals(smsConsent));
    }

    public Boolean getSmsConsent() {
        return smsConsent;
    }

    public void setSmsConsent(Boolean smsConsent) {
        this.smsConsent = smsConsent;
    }

    public ParticipantRole getRole() {
        return role;
    }

    public void setRole(ParticipantRole role) {
        this.role = role;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getResidentId() {
        return residentId;
    }

    public void setResidentId(String residentId) {
        this.residentId = residentId;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public Harm getHarm() {
        return harm;
    }

    public void setHarm(Harm harm) {
        this.harm = harm;
    }
}
