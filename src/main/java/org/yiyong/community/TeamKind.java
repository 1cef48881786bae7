package org.yiyong.community;

/** The kinds of volunteer team (安保型 security, 行业型 sector, 服务型 service). Stored by name. */
public enum TeamKind {
    SECURITY, SECTOR, SERVICE
}
