package org.yiyong.deeds.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One piece of the investigation: an interview, a statement, a police report, a medical record. */
@Entity
@Table(name = "deed_investigation_record")
public class InvestigationRecord {

    /** Stored by name. */
    public enum Kind {
        /** 询问笔录 */
        INTERVIEW,
        /** 证人证言 */
        WITNESS_STATEMENT,
        /** 警情记录、出警报告 */
        POLICE_REPORT,
        /** 病历、诊断证明 */
        MEDICAL_RECORD,
        /** 现场勘查、视频监控 */
        SCENE_EVIDENCE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private LocalDate recordedOn;

    private String summary;

    private String recordedBy;

    protected InvestigationRecord() {
    }

    InvestigationRecord(Kind kind, LocalDate recordedOn, String summary, String recordedBy) {
        this.kind = kind;
        this.recordedOn = recordedOn;
        this.summary = summary;
        this.recordedBy = recordedBy;
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public LocalDate getRecordedOn() {
        return recordedOn;
    }

    public String getSummary() {
        return summary;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
