package org.yiyong.honours.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A title in the catalogue (英雄, 模范, 先进个人, 积极分子, 嘉奖, 先进单位…), its level and granting body. */
@Entity
@Table(name = "title")
public class Title {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String name;

    @Enumerated(EnumType.STRING)
    private TitleLevel level;

    private String grantingBody;

    @Enumerated(EnumType.STRING)
    private Recipient recipient;

    private boolean instant;

    private int sortOrder;

    protected Title() {
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public TitleLevel getLevel() {
        return level;
    }

    public String getGrantingBody() {
        return grantingBody;
    }

    public Recipient getRecipient() {
        return recipient;
    }

    /** Whether the title is used for instant commendation (即时表彰). */
    public boolean isInstant() {
        return instant;
    }

    public int getSortOrder() {
        return sortOrder;
    }
}
