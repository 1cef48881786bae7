package org.yiyong.samaritans.internal;

import java.time.LocalDate;
import org.yiyong.shared.InvalidField;

/**
 * A disability grade is applied for within 3 years of the injury (伤残抚恤管理办法); a later application
 * is accepted only with the exception that justifies it recorded.
 */
public class ApplicationWindowPassed extends InvalidField {

    public ApplicationWindowPassed(LocalDate injuredOn, LocalDate lastDay) {
        super("lateException", "disability.application.window-passed", injuredOn.toString(), lastDay.toString());
    }
}
