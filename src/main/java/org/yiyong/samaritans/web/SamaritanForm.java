package org.yiyong.samaritans.web;

import org.yiyong.samaritans.internal.NewSamaritan;

/** The form that enters a person from earlier records. */
public class SamaritanForm {

    private String regionCode;
    private String name;
    private String residentId;
    private String sourceDocument;
    private String phone;
    private String address;
    private String householdRegistration;
    private String employer;

    NewSamaritan toNewSamaritan() {
        return new NewSamaritan(regionCode, name, residentId, sourceDocument, phone, address, householdRegistration,
                employer);
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
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

    public String getSourceDocument() {
        return sourceDocument;
    }

    public void setSourceDocument(String sourceDocument) {
        this.sourceDocument = sourceDocument;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getHouseholdRegistration() {
        return householdRegistration;
    }

    public void setHouseholdRegistration(String householdRegistration) {
        this.householdRegistration = householdRegistration;
    }

    public String getEmployer() {
        return employer;
    }

    public void setEmployer(String employer) {
        this.employer = employer;
    }
}
