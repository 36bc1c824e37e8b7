package io.ferry.deployment;

import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.BytecodeTransformerBuildItem;
import io.quarkus.gizmo.Gizmo;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Has {@code io.ferry.http.MalformedRequests} answer the requests the HTTP server refuses before any
 * route or filter runs, which it otherwise answers with an empty body.
 *
 * <p>Why bytecode: Vert.x has the hook, {@code HttpServer#invalidRequestHandler}, but it must be set
 * before the server listens, and Quarkus 3.34 creates and starts its servers with no way in
 * ({@code HttpServerOptionsCustomizer} sees only the options); and Quarkus' root handler, which refuses
 * URIs {@code java.net.URI} cannot parse, is a private anonymous class. A filter never sees these
 * requests. So two small changes, each checked here so that an upgrade that moves them fails the build
 * instead of silently losing the answers' bodies:
 * <ul>
 * <li>where Vert.x' connection handler falls back to {@code HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER}
 * (no handler set), it reads {@code MalformedRequests.ANSWER}: 414, 431, and 400 for bytes HTTP does not
 * allow, like a NUL in a header. A handler set explicitly still wins;</li>
 * <li>Quarkus' root handler first asks {@code MalformedRequests.refusedUri}, which makes the same test.</li>
 * </ul>
 */
public class MalformedRequestProcessor {

    static final String CONNECTION_HANDLER = "io.vertx.core.http.impl.HttpServerConnectionHandler";
    static final String ROOT_HANDLER = "io.quarkus.vertx.http.runtime.VertxHttpRecorder$1";
    static final String NOT_FOUND = "Ferry could not install its answer to malformed HTTP requests: %s no longer %s. "
            + "Find where this Quarkus/Vert.x version refuses such requests and update " + MalformedRequestProcessor.class.getName() + ".";
    private static final String FERRY = "io/ferry/http/MalformedRequests";
    private static final String REQUEST = "Lio/vertx/core/http/HttpServerRequest;";

    @BuildStep
    BytecodeTransformerBuildItem answerUndecodableRequests() {
        return new BytecodeTransformerBuildItem(CONNECTION_HANDLER, (name, visitor) -> new FallbackSwap(visitor));
    }

    @BuildStep
    BytecodeTransformerBuildItem answerInvalidUris() {
        return new BytecodeTransformerBuildItem(ROOT_HANDLER, (name, visitor) -> new UriCheckFirst(visitor));
    }

    /** Reads Ferry's invalid-request handler where the constructor reads Vert.x' default one. */
    static final class FallbackSwap extends ClassVisitor {

        private boolean swapped;

        FallbackSwap(ClassVisitor next) {
            super(Gizmo.ASM_API_VERSION, next);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
            if (!"<init>".equals(name)) {
                return method;
            }
            return new MethodVisitor(Gizmo.ASM_API_VERSION, method) {
                @Override
                public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                    if (opcode == Opcodes.GETSTATIC && "io/vertx/core/http/HttpServerRequest".equals(owner)
                            && "DEFAULT_INVALID_REQUEST_HANDLER".equals(field)) {
                        swapped = true;
                        super.visitFieldInsn(opcode, FERRY, "ANSWER", fieldDescriptor);
                    } else {
                        super.visitFieldInsn(opcode, owner, field, fieldDescriptor);
                    }
                }
            };
        }

        @Override
        public void visitEnd() {
            if (!swapped) {
                throw new IllegalStateException(NOT_FOUND.formatted(CONNECTION_HANDLER,
                        "falls back to HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER in its constructor"));
            }
            super.visitEnd();
        }
    }

    /** Starts {@code handle(HttpServerRequest)} with: if (MalformedRequests.refusedUri(request)) return; */
    static final class UriCheckFirst extends ClassVisitor {

        private boolean checksUris;
        private boolean inserted;

        UriCheckFirst(ClassVisitor next) {
            super(Gizmo.ASM_API_VERSION, next);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
            checksUris |= "uriValid".equals(name) && ("(" + REQUEST + ")Z").equals(descriptor);
            if (!"handle".equals(name) || !("(" + REQUEST + ")V").equals(descriptor)) {
                return method;
            }
            inserted = true;
            return new MethodVisitor(Gizmo.ASM_API_VERSION, method) {
                @Override
                public void visitCode() {
                    super.visitCode();
                    Label valid = new Label();
                    super.visitVarInsn(Opcodes.ALOAD, 1);
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, FERRY, "refusedUri", "(" + REQUEST + ")Z", false);
                    super.visitJumpInsn(Opcodes.IFEQ, valid);
                    super.visitInsn(Opcodes.RETURN);
                    super.visitLabel(valid);
                }
            };
        }

        @Override
        public void visitEnd() {
            if (!checksUris || !inserted) {
                throw new IllegalStateException(NOT_FOUND.formatted(ROOT_HANDLER,
                        "is the root request handler that refuses invalid URIs (handle and uriValid)"));
            }
            super.visitEnd();
        }
    }
}
