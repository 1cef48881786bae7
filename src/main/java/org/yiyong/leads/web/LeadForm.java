package org.yiyong.leads.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;
import org.yiyong.files.SubmittedFiles;
import org.yiyong.leads.internal.NewLead;

/**
 * The public lead form. The required fields are checked here so that every missing one is marked at
 * once; lengths, dates, the region, the phone number and the files are checked by {@code PublicLeads}.
 */
public class LeadForm {

    @NotBlank(message = "{validation.required}")
    private String narrative;
    @NotNull(message = "{validation.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate occurredOn;
    @DateTimeFormat(iso = DateTimeFormat.ISO.TIME, fallbackPatterns = "HH:mm")
    private LocalTime occurredTime;
    @NotBlank(message = "{lead.region.required}")
    private String regionCode;
    @NotBlank(message = "{validation.required}")
    private String address;
    private String peopleInvolved;
    private String reporterName;
    private String reporterPhone;
    private Boolean smsConsent;
    private List<MultipartFile> files = new ArrayList<>();

    NewLead toNewLead() {
        return new NewLead(regionCode, occurredOn, occurredTime, address, narrative, peopleInvolved, reporterName,
                reporterPhone, Boolean.TRUE.equals(smsConsent));
    }

    /** The files chosen; an empty file field sends one part without a name, which is no file. */
    List<SubmittedFiles.Incoming> incomingFiles() {
        List<SubmittedFiles.Incoming> incoming = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            boolean unnamed = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank();
            if (file.isEmpty() && unnamed) {
                continue;
            }
            incoming.add(new SubmittedFiles.Incoming(file.getOriginalFilename(), file));
        }
        return incoming;
    }

    public String getNarrative() {
        return narrative;
    }

    public void setNarrative(String narrative) {
        this.narrative = narrative;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public void setOccurredOn(LocalDate occurredOn) {
        this.occurredOn = occurredOn;
    }

    public LocalTime getOccurredTime() {
        return occurredTime;
    }

    public void setOccurredTime(LocalTime occurredTime) {
        this.occurredTime = occurredTime;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPeopleInvolved() {
        return peopleInvolved;
    }

    public void setPeopleInvolved(String peopleInvolved) {
        this.peopleInvolved = peopleInvolved;
    }

    public String getReporterName() {
        return reporterName;
    }

    public void setReporterName(String reporterName) {
        this.reporterName = reporterName;
    }

    public String getReporterPhone() {
        return reporterPhone;
    }

    public void setReporterPhone(String reporterPhone) {
        this.reporterPhone = reporterPhone;
    }

    public Boolean getSmsConsent() {
        return smsConsent;
    }

    public void setSmsConsent(Boolean smsConsent) {
        this.smsConsent = smsConsent;
    }

    public List<MultipartFile> getFiles() {
        return files;
    }

    public void setFiles(List<MultipartFile> files) {
        this.files = files;
    }
}
