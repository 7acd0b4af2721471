package dev.firebell.cli.template;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The AWS SDK calls a Lambda handler can make, read from the bytecode: every call on an SDK service client
 * ({@code DynamoDbClient.putItem}, {@code SnsClient.publish}...) in code reachable from the handler, and every call on
 * the SDK's request and model builders ({@code TransactWriteItem.Builder.conditionCheck}), which say what a call asks
 * for.
 *
 * <p>Reachability is Rapid Type Analysis over the project's own classes ({@code dev.firebell.*}), starting where
 * Lambda starts: it instantiates the handler with its no-argument constructor and calls the methods of Lambda's
 * interfaces on it. A virtual or interface call reaches the implementations in classes the reachable code
 * instantiates (so a store wired into another function's Dagger component does not count); a lambda or method reference
 * reaches its target; an instantiated class's methods that override a library type's (a Dagger provider's
 * {@code get}, a {@code Runnable}'s {@code run}, a CRaC hook) count as called, since library code may call them.
 * Library code itself is not read: only where the project's code calls into the SDK.
 *
 * <p>What it cannot see: calls made by reflection on project classes. None of the functions do that for AWS calls;
 * FunctionPermissionsTest's scenarios would show one as a call the analysis missed.
 */
final class AwsCallGraph {

    /** A method of the SDK a project method calls: {@code software/amazon/awssdk/services/sns/SnsClient.publish}. */
    record SdkCall(String owner, String name) {

        /** {@code sns} for the clients and models of {@code software.amazon.awssdk.services.sns}. */
        String servicePackage() {
            String rest = owner.substring(SDK_SERVICES.length());
            return rest.substring(0, rest.indexOf('/'));
        }

        /** The simple class name: {@code SnsClient}, {@code TransactWriteItem$Builder}. */
        String simpleOwner() {
            return owner.substring(owner.lastIndexOf('/') + 1);
        }

        /** A call on a service client interface (as opposed to a request, response or model class). */
        boolean onClient() {
            String simple = simpleOwner();
            return !owner.contains("/model/") && !simple.contains("$") && simple.endsWith("Client");
        }

        @Override
        public String toString() {
            return simpleOwner().replace('$', '.') + "." + name;
        }
    }

    /** What a handler's code calls, each call with one project method that makes it (for messages). */
    record Result(String handler, Map<SdkCall, String> calls, int methodsReached) {

        /** The calls on service clients: the API operations the code makes. */
        Map<SdkCall, String> clientCalls() {
            Map<SdkCall, String> out = new TreeMap<>(java.util.Comparator.comparing(SdkCall::toString));
            calls.forEach((call, by) -> {
                if (call.onClient()) {
                    out.put(call, by);
                }
            });
            return out;
        }

        boolean calls(String simpleOwner, String name) {
            return calls.keySet().stream().anyMatch(c -> c.simpleOwner().equals(simpleOwner) && c.name().equals(name));
        }
    }

    static final String SDK_SERVICES = "software/amazon/awssdk/services/";
    private static final String PROJECT = "dev/firebell/";

    private final ClassLoader loader;
    private final Set<String> excluded;
    private final Map<String, ClassInfo> classes = new HashMap<>();
    private final Set<String> reachable = new LinkedHashSet<>();
    private final Deque<MethodRef> work = new ArrayDeque<>();
    private final Set<String> instantiated = new LinkedHashSet<>();
    private final Set<String> initialized = new LinkedHashSet<>();
    /** Virtual and interface call sites seen so far: dispatched again to each newly instantiated class. */
    private final Set<MethodRef> virtualCalls = new LinkedHashSet<>();
    private final Map<SdkCall, String> sdkCalls = new LinkedHashMap<>();

    private AwsCallGraph(ClassLoader loader, Set<String> excludedPackages) {
        this.loader = loader;
        this.excluded = Set.copyOf(excludedPackages);
    }

    static Result analyse(Class<?> handler) {
        return analyse(handler, Set.of());
    }

    /**
     * Like {@link #analyse(Class)}, for an entry point that is not a Lambda handler (a command of the CLI), leaving out
     * project packages that do not run against AWS ({@code dev/firebell/local/}: the emulator).
     */
    static Result analyse(Class<?> handler, Set<String> excludedPackages) {
        AwsCallGraph graph = new AwsCallGraph(handler.getClassLoader(), excludedPackages);
        String name = Type.getInternalName(handler);
        graph.instantiate(name);
        graph.reach(new MethodRef(name, "<init>", "()V"));
        graph.run();
        return new Result(handler.getName(), Map.copyOf(graph.sdkCalls), graph.reachable.size());
    }

    // ---- the fixpoint ----

    private void run() {
        while (!work.isEmpty()) {
            MethodRef method = work.pop();
            ClassInfo owner = classInfo(method.owner()).orElse(null);
            if (owner == null) {
                continue;
            }
            MethodInfo body = owner.methods.get(method.name() + method.descriptor());
            if (body == null) {
                continue;
            }
            for (Instruction instruction : body.instructions) {
                visit(method, instruction);
            }
        }
    }

    private void visit(MethodRef caller, Instruction instruction) {
        switch (instruction.kind) {
            case NEW -> instantiate(instruction.owner);
            case STATIC_FIELD -> initialize(instruction.owner);
            case STATIC_CALL -> {
                initialize(instruction.owner);
                call(caller, instruction.owner, instruction.name, instruction.descriptor, false);
            }
            case SPECIAL_CALL -> call(caller, instruction.owner, instruction.name, instruction.descriptor, false);
            case VIRTUAL_CALL -> call(caller, instruction.owner, instruction.name, instruction.descriptor, true);
            case HANDLE -> {
                // A lambda's body or a method reference: reached where it is created (it may be called any time later).
                if (instruction.handleTag == Opcodes.H_NEWINVOKESPECIAL) {
                    instantiate(instruction.owner);
                }
                boolean virtual = instruction.handleTag == Opcodes.H_INVOKEVIRTUAL
                        || instruction.handleTag == Opcodes.H_INVOKEINTERFACE;
                if (instruction.handleTag == Opcodes.H_INVOKESTATIC) {
                    initialize(instruction.owner);
                }
                call(caller, instruction.owner, instruction.name, instruction.descriptor, virtual);
            }
        }
    }

    private void call(MethodRef caller, String owner, String name, String descriptor, boolean virtual) {
        if (owner.startsWith(SDK_SERVICES)) {
            sdkCalls.putIfAbsent(new SdkCall(owner, name), caller.readable());
            return;
        }
        if (!virtual) {
            resolveUp(owner, name, descriptor).ifPresent(this::reach);
            return;
        }
        MethodRef site = new MethodRef(owner, name, descriptor);
        if (virtualCalls.add(site)) {
            for (String type : List.copyOf(instantiated)) {
                dispatch(type, site);
            }
        }
    }

    private void instantiate(String type) {
        if (!isProject(type) || !instantiated.add(type)) {
            return;
        }
        initialize(type);
        for (MethodRef site : List.copyOf(virtualCalls)) {
            dispatch(type, site);
        }
        // Library code holding this object may call whatever it overrides of library types.
        for (String signature : librarySignatures(type)) {
            int paren = signature.indexOf('(');
            implementation(type, signature.substring(0, paren), signature.substring(paren)).ifPresent(this::reach);
        }
    }

    private void initialize(String type) {
        if (isProject(type) && initialized.add(type)) {
            reach(new MethodRef(type, "<clinit>", "()V"));
            classInfo(type).map(info -> info.superName).ifPresent(this::initialize);
        }
    }

    private void dispatch(String type, MethodRef site) {
        if (supertypes(type).contains(site.owner())) {
            implementation(type, site.name(), site.descriptor()).ifPresent(this::reach);
        }
    }

    private void reach(MethodRef method) {
        if (isProject(method.owner()) && reachable.add(method.toString())) {
            work.push(method);
        }
    }

    // ---- method resolution ----

    /** A static, private or constructor call: the method in the named class or the nearest superclass declaring it. */
    private Optional<MethodRef> resolveUp(String owner, String name, String descriptor) {
        for (String type = owner; type != null && isProject(type); ) {
            Optional<ClassInfo> info = classInfo(type);
            if (info.isEmpty()) {
                return Optional.empty();
            }
            if (info.get().methods.containsKey(name + descriptor)) {
                return Optional.of(new MethodRef(type, name, descriptor));
            }
            type = info.get().superName;
        }
        return Optional.empty();
    }

    /** The body a virtual call on an instance of {@code type} runs: up the superclasses, then default methods. */
    private Optional<MethodRef> implementation(String type, String name, String descriptor) {
        for (String current = type; current != null && isProject(current); ) {
            ClassInfo info = classInfo(current).orElse(null);
            if (info == null) {
                break;
            }
            MethodInfo method = info.methods.get(name + descriptor);
            if (method != null && (method.access & Opcodes.ACC_ABSTRACT) == 0) {
                return Optional.of(new MethodRef(current, name, descriptor));
            }
            current = info.superName;
        }
        for (String supertype : supertypes(type)) {
            ClassInfo info = isProject(supertype) ? classInfo(supertype).orElse(null) : null;
            if (info != null && info.isInterface) {
                MethodInfo method = info.methods.get(name + descriptor);
                if (method != null && (method.access & Opcodes.ACC_ABSTRACT) == 0) {
                    return Optional.of(new MethodRef(supertype, name, descriptor));
                }
            }
        }
        return Optional.empty();
    }

    /** Every supertype of a project type (itself included): project types from bytecode, library ones by reflection. */
    private Set<String> supertypes(String type) {
        ClassInfo info = classInfo(type).orElse(null);
        if (info == null) {
            return Set.of(type);
        }
        if (info.supertypes == null) {
            Set<String> all = new LinkedHashSet<>();
            all.add(type);
            List<String> direct = new ArrayList<>(info.interfaces);
            if (info.superName != null) {
                direct.add(0, info.superName);
            }
            for (String parent : direct) {
                if (isProject(parent)) {
                    all.addAll(supertypes(parent));
                } else {
                    all.addAll(librarySupertypes(parent));
                }
            }
            info.supertypes = Set.copyOf(all);
        }
        return info.supertypes;
    }

    private Set<String> librarySupertypes(String type) {
        Set<String> all = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        libraryClass(type).ifPresent(todo::add);
        all.add(type);
        while (!todo.isEmpty()) {
            Class<?> current = todo.pop();
            all.add(Type.getInternalName(current));
            if (current.getSuperclass() != null) {
                todo.add(current.getSuperclass());
            }
            todo.addAll(List.of(current.getInterfaces()));
        }
        return all;
    }

    /** Name and descriptor of every overridable method of the library supertypes of a project type. */
    private Set<String> librarySignatures(String type) {
        Set<String> signatures = new LinkedHashSet<>();
        for (String supertype : supertypes(type)) {
            if (isProject(supertype)) {
                continue;
            }
            libraryClass(supertype).ifPresent(library -> {
                List<Method> methods = new ArrayList<>(List.of(library.getMethods()));
                methods.addAll(List.of(library.getDeclaredMethods()));
                for (Method method : methods) {
                    int modifiers = method.getModifiers();
                    if (!Modifier.isStatic(modifiers) && !Modifier.isPrivate(modifiers) && !Modifier.isFinal(modifiers)) {
                        signatures.add(method.getName() + Type.getMethodDescriptor(method));
                    }
                }
            });
        }
        return signatures;
    }

    private Optional<Class<?>> libraryClass(String internalName) {
        try {
            return Optional.of(Class.forName(internalName.replace('/', '.'), false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private boolean isProject(String internalName) {
        return internalName != null && internalName.startsWith(PROJECT)
                && excluded.stream().noneMatch(internalName::startsWith);
    }

    // ---- reading class files ----

    private record MethodRef(String owner, String name, String descriptor) {
        String readable() {
            return owner.substring(owner.lastIndexOf('/') + 1).replace('$', '.') + "." + name;
        }

        @Override
        public String toString() {
            return owner + "." + name + descriptor;
        }
    }

    private enum Kind { NEW, STATIC_FIELD, STATIC_CALL, SPECIAL_CALL, VIRTUAL_CALL, HANDLE }

    private record Instruction(Kind kind, String owner, String name, String descriptor, int handleTag) {
    }

    private record MethodInfo(int access, List<Instruction> instructions) {
    }

    private static final class ClassInfo {
        String superName;
        List<String> interfaces = List.of();
        boolean isInterface;
        final Map<String, MethodInfo> methods = new HashMap<>();
        Set<String> supertypes;
    }

    private Optional<ClassInfo> classInfo(String internalName) {
        if (!isProject(internalName)) {
            return Optional.empty();
        }
        if (!classes.containsKey(internalName)) {
            classes.put(internalName, read(internalName));
        }
        return Optional.ofNullable(classes.get(internalName));
    }

    private ClassInfo read(String internalName) {
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            if (in == null) {
                return null;
            }
            ClassInfo info = new ClassInfo();
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public void visit(int version, int access, String name, String signature, String superName,
                                  String[] interfaces) {
                    info.superName = superName;
                    info.interfaces = interfaces == null ? List.of() : List.of(interfaces);
                    info.isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    List<Instruction> instructions = new ArrayList<>();
                    info.methods.put(name + descriptor, new MethodInfo(access, instructions));
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitTypeInsn(int opcode, String type) {
                            if (opcode == Opcodes.NEW) {
                                instructions.add(new Instruction(Kind.NEW, type, null, null, 0));
                            }
                        }

                        @Override
                        public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                            if (opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC) {
                                instructions.add(new Instruction(Kind.STATIC_FIELD, owner, field, fieldDescriptor, 0));
                            }
                        }

                        @Override
                        public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                                                    boolean isInterface) {
                            Kind kind = switch (opcode) {
                                case Opcodes.INVOKESTATIC -> Kind.STATIC_CALL;
                                case Opcodes.INVOKESPECIAL -> Kind.SPECIAL_CALL;
                                default -> Kind.VIRTUAL_CALL;
                            };
                            instructions.add(new Instruction(kind, owner, method, methodDescriptor, 0));
                        }

                        @Override
                        public void visitInvokeDynamicInsn(String method, String methodDescriptor, Handle bootstrap,
                                                           Object... arguments) {
                            for (Object argument : arguments) {
                                if (argument instanceof Handle handle) {
                                    instructions.add(new Instruction(Kind.HANDLE, handle.getOwner(), handle.getName(),
                                            handle.getDesc(), handle.getTag()));
                                }
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return info;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + internalName + ".class: " + e, e);
        }
    }
}
