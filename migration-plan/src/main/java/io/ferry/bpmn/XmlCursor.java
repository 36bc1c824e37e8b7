package io.ferry.bpmn;

import io.ferry.source.SourcePosition;
import java.util.HashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A StAX reader walked element by element, remembering where each start tag begins (its {@code <}).
 * Every {@link #nextChild()} that returns true must be followed by consuming that child
 * completely: either walking its own children until {@code nextChild()} returns false, or
 * {@link #skipElement()} / {@link #text()}.
 */
final class XmlCursor {

    private final XMLStreamReader reader;
    private SourcePosition elementPosition;

    XmlCursor(XMLStreamReader reader) {
        this.reader = reader;
    }

    /** Moves to the root element. */
    void toRootElement() throws XMLStreamException {
        while (reader.next() != XMLStreamConstants.START_ELEMENT) {
            // prolog: declaration, comments, processing instructions
        }
        // The parser reports no event for the whitespace before the root, so nothing tells where its tag
        // begins: take where it ends, just after its '>'. Only "not a BPMN file" points at the root.
        Location end = reader.getLocation();
        elementPosition = new SourcePosition(end.getLineNumber(), end.getColumnNumber());
    }

    /** Moves to the next child element of the current element; false once the current element ends. */
    boolean nextChild() throws XMLStreamException {
        while (true) {
            SourcePosition before = nextTagStart();
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                elementPosition = before;
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
    }

    /** Where the current element's start tag begins. */
    SourcePosition position() {
        return elementPosition;
    }

    /**
     * Where a start tag read next would begin: the location is the end of the current event, except that
     * the JDK's parser, to end character data, has already read the {@code <} that follows it.
     */
    private SourcePosition nextTagStart() {
        Location location = reader.getLocation();
        int event = reader.getEventType();
        boolean text = event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.SPACE
                || event == XMLStreamConstants.CDATA;
        return new SourcePosition(location.getLineNumber(), location.getColumnNumber() - (text ? 1 : 0));
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
