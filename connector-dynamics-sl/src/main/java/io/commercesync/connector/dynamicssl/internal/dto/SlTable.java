package io.commercesync.connector.dynamicssl.internal.dto;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The SL table a wire DTO's columns belong to. The width check looks each column up as
 * {@code <table>.<column>} in the width table, so a column is validated against the width of the table
 * it is written to (subaccounts are char(24) on SOLine but char(31) on SOAddress).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SlTable {
  /** The table name as in the SL DDL, e.g. {@code SOHeader}. */
  String value();
}
