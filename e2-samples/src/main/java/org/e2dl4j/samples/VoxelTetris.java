package org.e2dl4j.samples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.e2dl4j.samples.train.AccuracyTable;
import org.e2dl4j.samples.train.ModelResult;
import org.e2dl4j.samples.voxel.PiecePicture;
import org.e2dl4j.samples.voxel.SteerableVoxelFactory;
import org.e2dl4j.samples.voxel.TetrisData;
import org.e2dl4j.samples.voxel.TetrisPieces;
import org.e2dl4j.samples.voxel.UniformRotations;
import org.e2dl4j.samples.voxel.VoxelCnnFactory;
import org.e2dl4j.samples.voxel.VoxelExperiment;
import org.e2dl4j.samples.voxel.VoxelModelFactory;
import org.e2dl4j.samples.voxel.VoxelModelSpec;
import org.e2dl4j.samples.voxel.Voxelizer;
import org.hipparchus.geometry.euclidean.threed.Rotation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The voxel sample: the eight 3D Tetris pieces voxelized in code, trained upright, tested upright, at the 24
 * rotations of the cube and at random rotations. Prints the table, and writes it as {@code accuracy.csv} with
 * the picture of the pieces ({@code pieces.png}) and the trained models ({@code NAME.zip}) into the output
 * directory.
 */
@Command(name = "voxel-tetris", sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Trains the voxel models on the eight 3D Tetris pieces (Thomas et al. 2018), voxelized upright at random",
            "sub-voxel shifts, and measures their accuracy upright, at the 24 rotations of the cube and at random rotations."})
public final class VoxelTetris implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--epochs", defaultValue = "30", description = "Passes over the training grids (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--grid", defaultValue = "16", paramLabel = "N",
            description = "Side of the cubic voxel grid, a multiple of 4 (default: ${DEFAULT-VALUE}).")
    private int grid;

    @Option(names = "--voxels-per-cube", defaultValue = "3", paramLabel = "N",
            description = "Voxels along the edge of one unit cube of a piece (default: ${DEFAULT-VALUE}).")
    private int voxelsPerCube;

    @Option(names = "--supersampling", defaultValue = "2", paramLabel = "N",
            description = "Sample points per voxel edge when voxelizing (default: ${DEFAULT-VALUE}).")
    private int supersampling;

    @Option(names = "--max-shift", defaultValue = "0.5", paramLabel = "VOXELS",
            description = "Largest random shift of a piece along each axis (default: ${DEFAULT-VALUE}).")
    private double maxShift;

    @Option(names = "--train-per-piece", defaultValue = "16", paramLabel = "N",
            description = "Upright training grids per piece (default: ${DEFAULT-VALUE}).")
    private int trainPerPiece;

    @Option(names = "--test-per-piece", defaultValue = "4", paramLabel = "N",
            description = "Upright test grids per piece, each also turned by the 24 rotations (default: ${DEFAULT-VALUE}).")
    private int testPerPiece;

    @Option(names = "--random-per-piece", defaultValue = "32", paramLabel = "N",
            description = "Test grids per piece at random rotations (default: ${DEFAULT-VALUE}).")
    private int randomPerPiece;

    @Option(names = "--group", defaultValue = "octa", paramLabel = "GROUP",
            description = {"The steerable model's group: octa (octaOnR3, the 24 rotations of the cube) or full-octa",
                "(fullOctaOnR3, with the inversion: it cannot tell the two chiral pieces apart) (default: ${DEFAULT-VALUE})."})
    private String group;

    @Option(names = "--width", defaultValue = "1", paramLabel = "W",
            description = "Multiplier on the layer sizes (default: ${DEFAULT-VALUE}).")
    private double width;

    @Option(names = "--batch-size", defaultValue = "16", paramLabel = "N", description = "Grids per mini-batch (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--learning-rate", defaultValue = "0.005", paramLabel = "RATE", description = "Adam's step size (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of weights, order, shifts and rotations (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "${sys:e2dl4j.samples.out:-voxel-tetris}",
            description = "Directory for accuracy.csv, pieces.png and the trained models (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--no-progress", description = "Do not draw progress bars.")
    private boolean noProgress;

    /** Runs the sample; the exit code is 0 on success. */
    public static void main(String[] args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        System.exit(commandLine().execute(args));
    }

    /** The command line of this sample, ready to {@code execute}. */
    public static CommandLine commandLine() {
        return new CommandLine(new VoxelTetris()).setExecutionExceptionHandler(VoxelTetris::reportFailure);
    }

    /** Bad settings end the run with their message and exit code 1; anything else propagates. */
    private static int reportFailure(Exception failure, CommandLine commandLine, CommandLine.ParseResult parsed)
            throws Exception {
        if (failure instanceof IOException || failure instanceof IllegalArgumentException
                || failure instanceof IllegalStateException) {
            commandLine.getErr().println("voxel-tetris: " + failure.getMessage());
            commandLine.getErr().flush();
            return 1;
        }
        throw failure;
    }

    @Override
    public Integer call() throws IOException {
        TetrisData data = new TetrisData(settings());
        VoxelModelSpec modelSpec = modelSpec(data);
        List<VoxelModelFactory> models = models(modelSpec);
        PrintWriter console = spec.commandLine().getOut();
        VoxelExperiment experiment = new VoxelExperiment(data,
                new VoxelExperiment.Settings(epochs, batchSize, seed, !noProgress));
        console.printf("data: %d upright training grids of %d^3 voxels (%d per cube); test sets %s of %d, %d and %d grids%n",
                experiment.training().count(), grid, voxelsPerCube, experiment.testSetNames(),
                experiment.testSets().get(0).count(), experiment.testSets().get(1).count(),
                experiment.testSets().get(2).count());
        Files.createDirectories(out);
        writePicture(data.settings().voxelizer(), out.resolve("pieces.png"));

        List<ModelResult> results = new ArrayList<>();
        for (VoxelModelFactory factory : models) {
            results.add(experiment.run(factory, modelSpec, out));
        }
        AccuracyTable table = AccuracyTable.of(experiment.testSetNames(), results);
        console.println();
        console.print(table.format());
        Files.writeString(out.resolve("accuracy.csv"), table.toCsv(), StandardCharsets.UTF_8);
        console.printf("wrote accuracy.csv, pieces.png and the trained models to %s%n", out.toAbsolutePath());
        console.flush();
        return 0;
    }

    /** The compared models: the steerable one, and the conventional baseline matched to its parameter count. */
    private List<VoxelModelFactory> models(VoxelModelSpec modelSpec) {
        SteerableVoxelFactory steerable = switch (group) {
            case "octa" -> SteerableVoxelFactory.octahedral();
            case "full-octa" -> SteerableVoxelFactory.fullOctahedral();
            default -> throw new ParameterException(spec.commandLine(), "--group must be octa or full-octa, got " + group);
        };
        return List.of(steerable, VoxelCnnFactory.matchingParameterCount(modelSpec, steerable.parameterCount(modelSpec)));
    }

    private TetrisData.Settings settings() {
        if (epochs <= 0 || batchSize <= 0) {
            throw new ParameterException(spec.commandLine(), String.format(
                    "--epochs and --batch-size must be positive, got %d and %d", epochs, batchSize));
        }
        try {
            return new TetrisData.Settings(new Voxelizer(grid, voxelsPerCube, supersampling), maxShift, trainPerPiece,
                    testPerPiece, randomPerPiece, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "grid, pieces or set sizes out of range: " + e.getMessage(), e);
        }
    }

    private VoxelModelSpec modelSpec(TetrisData data) {
        try {
            return new VoxelModelSpec(data.side(), data.classes(), width, seed, learningRate);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--grid, --width or --learning-rate out of range: "
                    + e.getMessage(), e);
        }
    }

    /** The pieces upright and at one random rotation (the first of the seed's sequence after the test set's). */
    private void writePicture(Voxelizer voxelizer, Path png) throws IOException {
        Rotation turned = new UniformRotations(seed + 3).next();
        new PiecePicture(voxelizer, Math.max(2, 96 / grid)).writePng(TetrisPieces.all(), List.of(Rotation.IDENTITY, turned),
                List.of("upright", "a random rotation"), png);
    }
}
