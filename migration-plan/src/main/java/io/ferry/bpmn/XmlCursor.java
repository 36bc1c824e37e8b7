package io.ferry.bpmn;

import java.util.HashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A StAX reader walked element by element, remembering the line each start tag begins on.
 * Every {@link #nextChild()} that returns true must be followed by consuming that child
 * completely: either walking its own children until {@code nextChild()} returns false, or
 * {@link #skipElement()} / {@link #text()}.
 */
final class XmlCursor {

    private final XMLStreamReader reader;
    private int elementLine;

    XmlCursor(XMLStreamReader reader) {
        this.reader = reader;
    }

    /** Moves to the root element. */
    void toRootElement() throws XMLStreamException {
        while (reader.next() != XMLStreamConstants.START_ELEMENT) {
            // prolog: declaration, comments, processing instructions
        }
        // The parser reports no event for the whitespace before the root, so take the line where its tag ends.
        elementLine = reader.getLocation().getLineNumber();
    }

    /** Moves to the next child element of the current element; false once the current element ends. */
    boolean nextChild() throws XMLStreamException {
        while (true) {
            // The location is the end of the previous event, which is where the next tag begins.
            int lineBefore = reader.getLocation().getLineNumber();
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                elementLine = lineBefore;
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
    }

    /** The line the current element's start tag begins on. */
    int line() {
        return elementLine;
    }

    String localName() {
        return reader.getLocalName();
    }

    String namespace() {
        String namespace = reader.getNamespaceURI();
        return namespace == null ? "" : namespace;
    }

    boolean isBpmn() {
        return BpmnNamespaces.BPMN.equals(reader.getNamespaceURI());
    }

    boolean is(String namespace, String localName) {
        return namespace.equals(reader.getNamespaceURI()) && localName.equals(reader.getLocalName());
    }

    Attributes attributes() {
        Map<QName, String> values = new HashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            values.put(reader.getAttributeName(i), reader.getAttributeValue(i));
        }
        return new Attributes(values);
    }

    /** Skips the current element with everything inside it. */
    void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The text content of the current element (CDATA included, nested elements skipped), which it consumes. */
    String text() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE) {
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                skipElement();
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return text.toString();
            }
        }
    }

    /** The attributes of one start tag; blank values read as absent. */
    record Attributes(Map<QName, String> values) {

        /** An attribute without a namespace prefix. */
        String get(String localName) {
            return get("", localName);
        }

        String get(String namespace, String localName) {
            String value = values.get(new QName(namespace, localName));
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
