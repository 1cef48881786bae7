package org.yiyong.imports;

import org.yiyong.shared.DomainException;

/** A step refused by where an import stands: confirmed, undone or discarded already, or nothing to save. */
public class ImportRuleBroken extends DomainException {

    public ImportRuleBroken(String messageKey, Object... arguments) {
        super(Kind.CONFLICT, messageKey, arguments);
    }
}
