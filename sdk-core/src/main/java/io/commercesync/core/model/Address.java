package io.commercesync.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A postal address with the person or company at it.
 *
 * <p>Maps from: Magento order/customer addresses ({@code street[]}, {@code city}, {@code region},
 * {@code region_code}, {@code postcode}, {@code country_id}, {@code telephone}); Clarity
 * {@code Address.Street1..3}/{@code RegionCode}/{@code CountryCode}; GP {@code ADDRESS1..3},
 * {@code CITY}, {@code STATE}, {@code ZIPCODE}/{@code ZIP}, {@code CCode}, {@code PHNUMBR1}; SL
 * {@code Addr1/2}, {@code City}, {@code State}, {@code Zip}, {@code Country} (SL's 3-letter ids are
 * converted to ISO alpha-2 by the connector).
 *
 * @param firstName given name, optional
 * @param lastName family name, optional
 * @param company company name, optional
 * @param lines street lines, first to last; never null, possibly empty
 * @param city city, optional
 * @param region region or state name as written ({@code Illinois}), optional
 * @param regionCode region code ({@code IL}), optional
 * @param postalCode postal code as written, optional
 * @param countryCode ISO 3166-1 alpha-2 country, upper case, optional
 * @param phone phone number as written, optional
 * @param email e-mail address, optional
 */
public record Address(
    String firstName,
    String lastName,
    String company,
    List<String> lines,
    String city,
    String region,
    String regionCode,
    String postalCode,
    String countryCode,
    String phone,
    String email) {

  public Address {
    Constraints c = Constraints.of("address");
    lines = c.list(lines, "lines");
    if (countryCode != null) {
      countryCode = countryCode.trim().toUpperCase(Locale.ROOT);
      c.check(
          countryCode.matches("[A-Z]{2}"),
          "countryCode",
          "format",
          countryCode,
          "must be an ISO 3166-1 alpha-2 code such as US");
    }
    c.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** First and last name joined by a space, or the company when there is no name; may be empty. */
  public String fullName() {
    String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    return name.isEmpty() && company != null ? company : name;
  }

  /** Street line {@code index} (0-based), or null when there are fewer lines. */
  public String line(int index) {
    return index < lines.size() ? lines.get(index) : null;
  }

  /** Builds an {@link Address}. Not thread-safe. */
  public static final class Builder {
    private String firstName;
    private String lastName;
    private String company;
    private List<String> lines = new ArrayList<>();
    private String city;
    private String region;
    private String regionCode;
    private String postalCode;
    private String countryCode;
    private String phone;
    private String email;

    private Builder() {}

    private Builder(Address a) {
      firstName = a.firstName;
      lastName = a.lastName;
      company = a.company;
      lines = new ArrayList<>(a.lines);
      city = a.city;
      region = a.region;
      regionCode = a.regionCode;
      postalCode = a.postalCode;
      countryCode = a.countryCode;
      phone = a.phone;
      email = a.email;
    }

    public Builder firstName(String firstName) {
      this.firstName = firstName;
      return this;
    }

    public Builder lastName(String lastName) {
      this.lastName = lastName;
      return this;
    }

    public Builder company(String company) {
      this.company = company;
      return this;
    }

    /** Replaces the street lines. */
    public Builder lines(List<String> lines) {
      this.lines = lines == null ? new ArrayList<>() : new ArrayList<>(lines);
      return this;
    }

    public Builder addLine(String line) {
      this.lines.add(line);
      return this;
    }

    public Builder city(String city) {
      this.city = city;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder regionCode(String regionCode) {
      this.regionCode = regionCode;
      return this;
    }

    public Builder postalCode(String postalCode) {
      this.postalCode = postalCode;
      return this;
    }

    public Builder countryCode(String countryCode) {
      this.countryCode = countryCode;
      return this;
    }

    public Builder phone(String phone) {
      this.phone = phone;
      return this;
    }

    public Builder email(String email) {
      this.email = email;
      return this;
    }

    public Address build() {
      return new Address(
          firstName, lastName, company, lines, city, region, regionCode, postalCode, countryCode,
          phone, email);
    }
  }
}
