package io.commercesync.connector.clarity.internal.dto.cef;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code ContactModel} (reference §2.5 [C]): {@code FirstName}/{@code LastName} nvarchar(100),
 * {@code Email1} varchar(1000), {@code Phone1} varchar(50).
 */
public record CefContact(
    @JsonProperty("ID") Integer id,
    String customKey,
    String firstName,
    String middleName,
    String lastName,
    String fullName,
    String email1,
    String phone1,
    String phone2,
    String fax1,
    String title,
    CefAddress address) {}
