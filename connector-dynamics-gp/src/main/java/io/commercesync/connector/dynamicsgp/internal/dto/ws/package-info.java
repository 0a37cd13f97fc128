/** JAXB bindings of the Web Services for Microsoft Dynamics GP legacy (SOAP 1.1) endpoint. */
@XmlSchema(namespace = WsNames.GP, elementFormDefault = XmlNsForm.QUALIFIED)
package io.commercesync.connector.dynamicsgp.internal.dto.ws;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
