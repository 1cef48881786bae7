-- Nobody, not even the application, may change or remove an audit entry.
create trigger audit_entry_no_update before update on audit_entry for each row
    call 'org.yiyong.audit.internal.H2AppendOnlyTrigger';
create trigger audit_entry_no_delete before delete on audit_entry for each row
    call 'org.yiyong.audit.internal.H2AppendOnlyTrigger';
