# Gi* with spdep::localG on a CSV of x,y,count (as `lagebild hotspots --method gistar --out X.csv` writes),
# binary distance band, self included. Prints the seconds of the spdep part and the largest |z| difference
# to Lagebild's z column.   Rscript gistar_spdep.R GRID.csv DISTANCE
args <- commandArgs(trailingOnly = TRUE)
suppressMessages(library(spdep))
d <- read.csv(args[1])
t <- system.time({
    nb <- include.self(dnearneigh(cbind(d$x, d$y), 0, as.numeric(args[2])))
    g <- as.numeric(localG(d$count, nb2listw(nb, style = "B", zero.policy = TRUE)))
})
cat(sprintf("spdep_seconds %.4f\nmax_abs_z_difference %.3g\ncells %d\n", t[["elapsed"]], max(abs(g - d$z)), nrow(d)))
