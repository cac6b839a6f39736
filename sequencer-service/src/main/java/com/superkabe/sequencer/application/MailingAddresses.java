package com.superkabe.sequencer.application;

import java.util.Collection;
import java.util.Map;

/** Port: each organization's postal address for the CAN-SPAM footer, from OrganizationMailingAddressSet. */
public interface MailingAddresses {

    void setMailingAddress(String orgId, String mailingAddress);

    /** The addresses of the organizations that have one. */
    Map<String, String> mailingAddresses(Collection<String> orgIds);
}
