package dk.eojxds.repository;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A plain-HTTP ITI-43 client for the tests: hand-built SOAP 1.2 envelopes, no SOAP library. */
final class RawSoap {

    static final String SOAP_XML = "application/soap+xml; charset=UTF-8";
    static final String REPOSITORY = "2.25.284198587410923712306154780021350866101";

    private RawSoap() {
    }

    /** The WS-Addressing headers of a request. */
    static String addressing(String action, String messageId) {
        return "<wsa:Action soap:mustUnderstand=\"true\">" + action + "</wsa:Action>"
                + "<wsa:MessageID>" + messageId + "</wsa:MessageID>";
    }

    /** A retrieve of one document from this repository, with these SOAP header blocks. */
    static String retrieve(String headers, String documentUniqueId) {
        return "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\" "
                + "xmlns:wsa=\"http://www.w3.org/2005/08/addressing\"><soap:Header>" + headers + "</soap:Header>"
                + "<soap:Body><xdsb:RetrieveDocumentSetRequest xmlns:xdsb=\"urn:ihe:iti:xds-b:2007\"><xdsb:DocumentRequest>"
                + "<xdsb:RepositoryUniqueId>" + REPOSITORY + "</xdsb:RepositoryUniqueId>"
                + "<xdsb:DocumentUniqueId>" + documentUniqueId + "</xdsb:DocumentUniqueId></xdsb:DocumentRequest>"
                + "</xdsb:RetrieveDocumentSetRequest></soap:Body></soap:Envelope>";
    }

    static HttpResponse<String> post(int port, String contentType, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/services/repository/iti43"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
