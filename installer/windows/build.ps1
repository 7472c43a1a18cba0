# Build Frontdesk for Windows: the one-folder bundle (dist\frontdesk\) and, when
# Inno Setup 6 is installed, the installer dist\frontdesk-<version>-setup.exe.
#
# Run from any folder in PowerShell (Windows 10/11, 64-bit):
#     powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
# Prerequisites (once): Python 3.11+ 64-bit from python.org, then in the repo:
#     py -3.11 -m venv .venv
#     .venv\Scripts\python -m pip install -c constraints.txt -e ".[package,postgres]"
#     winget install JRSoftware.InnoSetup       (for the installer; optional)
# Parameters: -Python <path to python.exe>   -SkipInstaller   -WithPostgres
#             -Unpinned (build even if installed versions differ from constraints.txt)
param(
    [string]$Python = "",
    [switch]$SkipInstaller,
    [switch]$WithPostgres,
    [switch]$Unpinned
)
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root

if (-not $Python) { $Python = Join-Path $Root ".venv\Scripts\python.exe" }
if (-not (Test-Path $Python)) {
    throw "No Python at $Python. Create the venv first (see the top of this script) or pass -Python."
}
& $Python -c "import PyInstaller" 2>$null
if ($LASTEXITCODE -ne 0) { throw "PyInstaller is missing: $Python -m pip install -c constraints.txt -e `".[package]`"" }
# The bundle shipped to a hospital is built from the versions in constraints.txt (the lock).
& $Python installer\check_constraints.py constraints.txt
if ($LASTEXITCODE -ne 0) {
    if (-not $Unpinned) { throw "Installed versions differ from constraints.txt (see above); -Unpinned builds anyway." }
    Write-Warning "-Unpinned: building from versions other than constraints.txt's."
}

$Version = (& $Python -c "import frontdesk; print(frontdesk.__version__)").Trim()
$Dist = Join-Path $Root "dist"
$Work = Join-Path $Root "build\pyinstaller"

# A clean build: no stale analysis, no files of an earlier bundle left behind.
foreach ($old in @((Join-Path $Dist "frontdesk"), $Work)) {
    if (Test-Path $old) { Remove-Item -Recurse -Force $old }
}
if ($WithPostgres) { $env:FRONTDESK_BUNDLE_POSTGRES = "1" } else { Remove-Item Env:FRONTDESK_BUNDLE_POSTGRES -ErrorAction SilentlyContinue }

& $Python -m PyInstaller --noconfirm --clean --log-level WARN --distpath $Dist --workpath $Work installer\frontdesk.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed ($LASTEXITCODE)" }

$Bundle = Join-Path $Dist "frontdesk"
foreach ($exe in @("frontdesk.exe", "frontdesk-cli.exe")) {
    if (-not (Test-Path (Join-Path $Bundle $exe))) { throw "missing $exe in $Bundle" }
}
$Size = (Get-ChildItem -Recurse -File $Bundle | Measure-Object -Sum Length).Sum / 1MB
"build.ps1: bundle $Bundle : {0:N1} MB (budget 130 MB)" -f $Size

# The packaged program must start: open the main window off-screen and quit.
$env:QT_QPA_PLATFORM = "offscreen"
$env:FRONTDESK_DATA_DIR = Join-Path $env:TEMP "frontdesk-build-smoke"
& (Join-Path $Bundle "frontdesk-cli.exe") --smoke
if ($LASTEXITCODE -ne 0) { throw "smoke test of the bundle failed ($LASTEXITCODE)" }
Remove-Item Env:QT_QPA_PLATFORM, Env:FRONTDESK_DATA_DIR

if ($SkipInstaller) { return }
$Iscc = @(
    (Get-Command iscc.exe -ErrorAction SilentlyContinue | Select-Object -ExpandProperty Source),
    "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
    "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
    "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
) | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
if (-not $Iscc) {
    Write-Warning "Inno Setup 6 not found: the bundle is in $Bundle, no installer was made."
    return
}
& $Iscc "/DAppVersion=$Version" "/DSourceDir=$Bundle" "/DOutputDir=$Dist" installer\windows\frontdesk.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed ($LASTEXITCODE)" }
"build.ps1: installer $(Join-Path $Dist "frontdesk-$Version-setup.exe")"
